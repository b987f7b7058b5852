using ServerlessService.Core.Common;
using ServerlessService.Core.Sla;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle;
using ServerlessService.Orchestrations.Lifecycle.Actions;

namespace ServerlessService.UnitTests;

/// <summary>
/// Drives the pure lifecycle engine the way the ticket orchestration does, with time in the test's hands: commits a step's timers
/// onto the instance and fires the earliest due timer when the clock reaches it.
/// </summary>
public sealed class WorkflowOnAFakeClock
{
    public static readonly Caller Dispatcher = new("dispatcher", Roles.Dispatcher);
    public static readonly Caller Engineer = new("eng-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b1", Roles.Engineer, EngineerId: "eng-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b1");

    private readonly IReadOnlyList<SlaPolicy> _policies;
    private readonly Dictionary<string, BusinessCalendar> _calendars;
    private LifecycleDefinition _definition = DefinitionStore.BuiltIn;

    public WorkflowOnAFakeClock(DateTimeOffset start, params SlaPolicy[] policies)
    {
        Now = start;
        _policies = policies;
        _calendars = [];
    }

    public DateTimeOffset Now { get; private set; }
    public TicketState Instance { get; private set; } = null!;
    public List<HistoryRequest> History { get; } = [];
    public List<EffectRequest> Outbox { get; } = [];
    public Ticket Ticket => Instance.Data;
    public bool Completed { get; private set; }

    public WorkflowOnAFakeClock WithCalendar(string id, BusinessCalendar calendar)
    {
        _calendars[id] = calendar;
        return this;
    }

    /// <summary>Runs the ticket on another lifecycle definition (e.g. one an admin published) instead of the built-in one.</summary>
    public WorkflowOnAFakeClock WithDefinition(LifecycleDefinition definition)
    {
        _definition = definition;
        return this;
    }

    private StepContext Context => new(_definition, new LifecycleOptions(), Now, _policies, _calendars);

    public WorkflowOnAFakeClock Open(string priority = "P2", string tier = "standard")
    {
        var ticket = new Ticket("tkt-1", "261125-0001", TicketStatus.Submitted, priority, "SN-1", true, "cus-1", "AirPro 75", "air-compressor", null,
            "noise", "异响", "+8613800138000", new Address("310104", "上海市", null, null), null, null, "dispatcher", Now, Now, CustomerTier: tier);
        var policy = Context.Match(priority, tier, "air-compressor");
        Instance = new TicketState(ticket, 1, TicketState.NoTimers);
        Commit(TicketEngine.Start(ticket, policy, Context));
        return this;
    }

    public WorkflowOnAFakeClock Act(string action, ActionInput? input = null, Caller? caller = null)
    {
        var kind = TicketActions.Find(action)!;
        Commit(TicketEngine.Act(Instance, kind, kind.Validate(input ?? new ActionInput()), caller ?? Dispatcher, Context));
        return this;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in due order.</summary>
    public WorkflowOnAFakeClock Advance(TimeSpan by)
    {
        var until = Now + by;
        while (Instance.Timers.OrderBy(t => t.Value).FirstOrDefault() is { Key: { } name } next && next.Value <= until)
        {
            Now = next.Value;
            var step = TicketEngine.FireTimer(Instance, name, Context);
            if (!step.Arm.ContainsKey(name)) step.Cancel.Add(name);
            Commit(step);
        }
        Now = until;
        return this;
    }

    public DateTimeOffset? Timer(string name) => Instance.Timers.TryGetValue(name, out var due) ? due : null;

    public IEnumerable<HistoryRequest> Kind(string kind) => History.Where(h => h.Kind == kind);

    public ClockView Clock(string metric) =>
        ClockView.Of(Ticket.Sla!.Clock(metric), Ticket.Sla.CalendarId is { } id ? _calendars[id] : BusinessCalendar.AlwaysOpen, Now);

    private void Commit(Step<Ticket> step)
    {
        var timers = Instance.Timers.ToDictionary();
        foreach (var name in step.Cancel) timers.Remove(name);
        foreach (var (name, due) in step.Arm) timers[name] = due;
        History.AddRange(step.History);
        Outbox.AddRange(step.Effects);
        Instance = Instance with { Data = step.Data, Timers = timers };
        Completed = step.Complete ?? Completed;
    }

    public static SlaPolicy Policy(string response, string arrival, string resolution, int[]? warnAt = null, Escalation[]? escalations = null,
        string? priority = null, string? calendarId = null) =>
        new("sla-" + Guid.NewGuid().ToString("N"), "test " + priority, 1, new SlaMatch(priority, null, null), calendarId,
            new SlaTargets(response, arrival, resolution), warnAt ?? [50, 75], escalations ?? [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
}
