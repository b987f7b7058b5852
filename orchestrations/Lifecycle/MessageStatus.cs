namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>A message as the ticket shows it: an SMS, a robot post or a job link, and how far it got.</summary>
public sealed record MessageStatus(string Id, string Kind, string? Audience, string? Event, string Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? NotBefore, DateTimeOffset? SentAt, string? LastError)
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Failed = "failed";
    /// <summary>Held through quiet hours and not sent: the ticket moved on meanwhile (<see cref="QuietHours.IsStale"/>).</summary>
    public const string Dropped = "dropped";

    public static bool IsMessage(string kind) => kind is NotifyHandler.KindName or RobotHandler.KindName or EngineerLinkHandler.KindName;

    public static MessageStatus Of(string id, EffectRequest e, DateTimeOffset now) => new(
        id, e.Kind, (string?)e.Payload["audience"] ?? (string?)e.Payload["robot"], (string?)e.Payload["event"] ?? (string?)e.Payload["op"],
        Queued, 0, now, e.NotBefore is { } later && later > now ? later : null, null, null);
}
