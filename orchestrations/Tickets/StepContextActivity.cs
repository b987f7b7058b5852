using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Sla;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.Orchestrations.Tickets;

/// <summary>
/// What the pure lifecycle steps need, as data an orchestration can record: the definition version, the options,
/// SLA policies and calendars, robot names. Loaded by an activity so replays see the same values.
/// </summary>
public sealed record StepContextData(
    LifecycleDefinition Definition, LifecycleOptions Options, IReadOnlyList<SlaPolicy> Policies,
    IReadOnlyDictionary<string, CalendarSpec> Calendars, IReadOnlyList<string> Robots)
{
    public StepContext At(DateTimeOffset now, IReadOnlyDictionary<string, BusinessCalendar> calendars) =>
        new(Definition, Options, now, Policies, calendars, Robots);

    public static StepContextData Of(LifecycleDefinition definition, LifecycleOptions options, SlaSnapshot sla, IReadOnlyList<string> robots) =>
        new(definition, options, sla.Policies, sla.Specs, robots);

    public IReadOnlyDictionary<string, BusinessCalendar> BuildCalendars() => Calendars.ToDictionary(c => c.Key, c => BusinessCalendar.From(c.Value));
}

/// <summary>Loads <see cref="StepContextData"/> for a lifecycle version.</summary>
public sealed class StepContextActivity(DefinitionStore definitions, SlaService sla, RobotClient robots, IOptions<LifecycleOptions> options)
    : TaskActivity<int, StepContextData>
{
    public const string Name = "LoadStepContext";

    public override async Task<StepContextData> RunAsync(TaskActivityContext context, int version)
    {
        var snapshot = await sla.SnapshotAsync(CancellationToken.None);
        return StepContextData.Of(await definitions.GetAsync(version, CancellationToken.None), options.Value, snapshot, await robots.NamesAsync(CancellationToken.None));
    }
}

/// <summary>Writes a step into the read model (ticket row, timeline, event outcome, messages) and the ticket's list rows.</summary>
public sealed class ProjectionActivity(TicketRecords records, Core.Tickets.TicketIndex index) : TaskActivity<Projection, bool>
{
    public const string Name = "ProjectTicket";

    public override async Task<bool> RunAsync(TaskActivityContext context, Projection p)
    {
        var latest = await records.ProjectAsync(p, CancellationToken.None);
        // A stale repeat (a newer step is stored) leaves the list rows to the newer step.
        if (latest) await index.SyncAsync(p.Ticket.Summary(), p.StaleIndex, CancellationToken.None);
        return latest;
    }
}
