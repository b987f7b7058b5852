using ServerlessService.Core.Common;
using ServerlessService.Core.Sla;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.Orchestrations.Tickets;

/// <summary>An effect held back until a time (quiet hours for customer messages).</summary>
public sealed record DelayedEffect(string Id, EffectRequest Effect, DateTimeOffset Due);

/// <summary>An effect whose activity failed after its retries; an operator can retry it.</summary>
public sealed record FailedEffect(string Id, EffectRequest Effect, string Error, DateTimeOffset At);

/// <summary>
/// A ticket orchestration's state: its input, and what it carries over ContinueAsNew. Policy is the SLA policy
/// chosen at intake (used by the first step only). Seq numbers timeline lines, Step numbers projections, EffectSeq
/// numbers effects (with Epoch, their idempotency keys); Applied holds the ids of events already applied or refused.
/// </summary>
public sealed class TicketRun
{
    public required Ticket Ticket { get; set; }
    public int Version { get; init; }
    public SlaPolicy? Policy { get; set; }
    public bool Started { get; set; }
    /// <summary>Set when the run takes over a ticket whose timers are not known (a restart from the read model, a migrated ticket).</summary>
    public bool Resume { get; set; }
    public long Seq { get; set; }
    public long Step { get; set; }
    public long EffectSeq { get; set; }
    /// <summary>The time of the last step projected; the next step is never earlier.</summary>
    public DateTimeOffset LastStepAt { get; set; }
    /// <summary>
    /// Steps take their cause's time (timer due, action accepted, dispatch decided), not the engine's clock. False only
    /// for runs started before this rule, until their next generation (ContinueAsNew turns it on).
    /// </summary>
    public bool CauseTime { get; set; }
    /// <summary>
    /// A step's projection and effects run as one activity (<see cref="StepActivity"/>). False only for runs started
    /// before, until their next generation: they keep one activity for the projection and one per effect.
    /// </summary>
    public bool StepInOneActivity { get; set; }
    /// <summary>
    /// The step context the API loaded at intake: the first steps take it instead of loading it in an activity. Taken
    /// once and cleared, so it is not carried over ContinueAsNew.
    /// </summary>
    public StepContextData? Context { get; set; }
    public string Epoch { get; init; } = "";
    public Dictionary<string, DateTimeOffset> Timers { get; init; } = new(StringComparer.Ordinal);
    public List<DelayedEffect> Delayed { get; init; } = [];
    public List<string> Applied { get; init; } = [];
    public List<FailedEffect> Failed { get; init; } = [];

    public static TicketRun New(Ticket ticket, int version, SlaPolicy? policy, StepContextData? context = null) =>
        new() { Ticket = ticket, Version = version, Policy = policy, CauseTime = true, StepInOneActivity = true, Context = context };

    /// <summary>A run that takes a ticket over as it stands in the read model; its timers are armed on the first step.</summary>
    /// <paramref name="epoch"/> keeps its effect ids apart from those of the run it replaces (they key SMS).
    public static TicketRun Adopt(Ticket ticket, int version, long seq, long step, string epoch) =>
        new() { Ticket = ticket, Version = version, Started = true, Resume = true, Seq = seq, Step = step, Epoch = epoch + ".", CauseTime = true, StepInOneActivity = true };

    public TicketState State => new(Ticket, Version, Timers);

    /// <summary>What operators see of a running ticket orchestration (its custom status).</summary>
    public TicketRunStatus Status() => new(Ticket.Status, Step, Timers, Delayed.Select(d => d.Due).ToList(), Failed);
}

/// <summary>A ticket orchestration as the ops list shows it: ticket status, steps applied, timers pending, effects that failed.</summary>
public sealed record TicketRunStatus(
    TicketStatus TicketStatus, long Steps, IReadOnlyDictionary<string, DateTimeOffset> Timers, IReadOnlyList<DateTimeOffset> HeldMessages,
    IReadOnlyList<FailedEffect> Failed)
{
}

/// <summary>
/// An event raised on a ticket's orchestration: an API action (with its caller), or an operator's retry of failed
/// effects. At is when the API accepted it: the step's time (events raised before it existed take the engine's clock).
/// </summary>
public sealed record TicketEvent(string Id, string Kind, string? Action = null, ActionInput? Input = null, Caller? Caller = null, string? Fingerprint = null,
    DateTimeOffset? At = null)
{
    public const string Name = "ticket-event";
    public const string ActionKind = "action";
    public const string RetryKind = "retry-effects";
}
