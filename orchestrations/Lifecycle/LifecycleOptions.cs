namespace ServerlessService.Orchestrations.Lifecycle;

public sealed class LifecycleOptions
{
    /// <summary>How long a customer has to confirm or reject a resolution before the ticket closes by itself.</summary>
    public TimeSpan ConfirmationWindow { get; set; } = TimeSpan.FromHours(72);

    /// <summary>How long after closing a customer or staff member may reopen a ticket.</summary>
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A check-in farther than this from the site's coordinates is accepted but flagged on the timeline (check-in-far).</summary>
    public double CheckInDistanceKm { get; set; } = 2;

    /// <summary>Phones told about SLA warnings and breaches when the assignee has no supervisor on record (E.164).</summary>
    public List<string> SupervisorPhones { get; set; } = [];

    /// <summary>Phones told when a ticket needs manual dispatch (E.164); group robots are told as well.</summary>
    public List<string> DispatcherPhones { get; set; } = [];

    /// <summary>Customer messages about non-urgent tickets (not P1) wait until quiet hours end, in this zone.</summary>
    public TimeSpan QuietHoursStart { get; set; } = TimeSpan.FromHours(22);
    public TimeSpan QuietHoursEnd { get; set; } = TimeSpan.FromHours(8);
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Attempts of a side effect (SMS, robot post, link, capacity, projection) before it counts as failed; back-off doubles from the first delay.</summary>
    public int EffectAttempts { get; set; } = 6;
    public TimeSpan EffectRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan EffectMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an action request waits for the ticket's orchestration to apply it before answering 202.</summary>
    public TimeSpan ActionWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>When a non-urgent customer message may go out: now, or the end of tonight's quiet hours.</summary>
    public DateTimeOffset? QuietUntil(DateTimeOffset now)
    {
        if (QuietHoursStart == QuietHoursEnd) return null;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var t = local.TimeOfDay;
        var quiet = QuietHoursStart < QuietHoursEnd ? t >= QuietHoursStart && t < QuietHoursEnd : t >= QuietHoursStart || t < QuietHoursEnd;
        if (!quiet) return null;
        var endDay = t >= QuietHoursEnd ? local.Date.AddDays(1) : local.Date;
        var end = endDay + QuietHoursEnd;
        return new DateTimeOffset(end, zone.GetUtcOffset(end));
    }

    /// <summary>The durations a definition's timers may name in "after".</summary>
    public TimeSpan? Named(string name) => name switch
    {
        "confirmationWindow" => ConfirmationWindow,
        "reopenWindow" => ReopenWindow,
        _ => null,
    };

    public static readonly IReadOnlySet<string> Names = new HashSet<string> { "confirmationWindow", "reopenWindow" };
}
