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

    /// <summary>
    /// Job SMS about P3 and P4 tickets wait until the engineers' quiet hours end (P1 and P2 always go). Null only in
    /// options recorded before engineers had quiet hours (they had none); configured options get 22:00–07:00 unless
    /// set (<see cref="ServiceCollectionExtensions"/>). Equal start and end turn them off.
    /// </summary>
    public TimeSpan? EngineerQuietHoursStart { get; set; }
    public TimeSpan? EngineerQuietHoursEnd { get; set; }
    public static readonly TimeSpan DefaultEngineerQuietHoursStart = TimeSpan.FromHours(22);
    public static readonly TimeSpan DefaultEngineerQuietHoursEnd = TimeSpan.FromHours(7);

    /// <summary>Attempts of a side effect (SMS, robot post, link, capacity, projection) before it counts as failed; back-off doubles from the first delay.</summary>
    public int EffectAttempts { get; set; } = 6;
    public TimeSpan EffectRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan EffectMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an action request waits for the ticket's orchestration to apply it before answering 202.</summary>
    public TimeSpan ActionWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>When a non-urgent customer message may go out: now, or the end of tonight's quiet hours.</summary>
    public DateTimeOffset? QuietUntil(DateTimeOffset now) => QuietHours.Until(now, QuietHoursStart, QuietHoursEnd, TimeZone);

    /// <summary>When a P3/P4 job SMS may go out: now, or the end of the engineers' quiet hours.</summary>
    public DateTimeOffset? EngineerQuietUntil(DateTimeOffset now) =>
        EngineerQuietHoursStart is { } start && EngineerQuietHoursEnd is { } end ? QuietHours.Until(now, start, end, TimeZone) : null;

    /// <summary>The durations a definition's timers may name in "after".</summary>
    public TimeSpan? Named(string name) => name switch
    {
        "confirmationWindow" => ConfirmationWindow,
        "reopenWindow" => ReopenWindow,
        _ => null,
    };

    public static readonly IReadOnlySet<string> Names = new HashSet<string> { "confirmationWindow", "reopenWindow" };
}
