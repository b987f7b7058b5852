namespace ServerlessService.Orchestrations.Lifecycle;

public sealed class LifecycleOptions
{
    /// <summary>How long a customer has to confirm or reject a resolution before the ticket closes by itself.</summary>
    public TimeSpan ConfirmationWindow { get; set; } = TimeSpan.FromHours(72);

    /// <summary>How long after closing a customer or staff member may reopen a ticket.</summary>
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Phones told about SLA warnings and breaches when the assignee has no supervisor on record (E.164).</summary>
    public List<string> SupervisorPhones { get; set; } = [];

    /// <summary>Phones told when a ticket needs manual dispatch (E.164); group robots are told as well.</summary>
    public List<string> DispatcherPhones { get; set; } = [];

    /// <summary>The durations a definition's timers may name in "after".</summary>
    public TimeSpan? Named(string name) => name switch
    {
        "confirmationWindow" => ConfirmationWindow,
        "reopenWindow" => ReopenWindow,
        _ => null,
    };

    public static readonly IReadOnlySet<string> Names = new HashSet<string> { "confirmationWindow", "reopenWindow" };
}
