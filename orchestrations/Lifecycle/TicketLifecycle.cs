using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using ServerlessService.Core.Common;
using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Engineers;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Photos;
using ServerlessService.Core.Sla;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle.Actions;
using ServerlessService.Orchestrations.Tickets;
using DurableTask.Core.Exceptions;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>What an action request came to: the ticket after it, or still pending in the orchestration (202).</summary>
public sealed record ActionOutcome(TicketRecord? Ticket, bool Replayed, string ActionId);

/// <summary>
/// The ticket lifecycle as the API sees it: schedules a ticket's orchestration at intake, checks an action against
/// the read model (fast 400/403/409) and raises it as an event with its id, then waits a bounded time for the
/// orchestration to apply it. Reads (ticket, timeline, messages, dispatch) come from the read model.
/// </summary>
public sealed class TicketLifecycle(
    EngineClient engine, TicketRecords records, TicketIndex index, DefinitionStore definitions, SlaService sla, IEngineerStore engineers,
    RobotClient robots, IPhotoStore photos, IOptions<LifecycleOptions> options, TimeProvider clock)
{
    /// <summary>False when the ticket's orchestration exists already (nothing is scheduled then).</summary>
    public async Task<bool> StartAsync(Ticket ticket, CancellationToken ct)
    {
        var definition = await definitions.LatestAsync(ct);
        var (data, ctx) = await LoadAsync(definition, ct);
        // A dispatch rule may name the SLA policy; otherwise the first policy that matches applies.
        var policy = (ticket.Dispatch?.SlaPolicyId is { } chosen ? ctx.Policies.FirstOrDefault(p => p.Id == chosen) : null)
            ?? ctx.Match(ticket.Priority, ticket.CustomerTier, ticket.ProductLine);
        // Readable and listed at once, before the orchestration's first step writes the timeline (and replaces this row).
        // Written before the start, so the orchestration's own writes always come after these.
        var first = TicketEngine.Start(ticket, policy, ctx with { Now = ticket.CreatedAt });
        if (!await records.TryAddFirstAsync(new TicketRecord(first.Data, definition.Version, 0), ct))
        {
            // A repeat: the first attempt may have died between its record and its start.
            if (await records.GetIfExistsAsync(ticket.Id, ct) is { Step: 0 } intake) await StartIfLostAsync(intake, ctx, ct);
            return false;
        }
        await index.SyncAsync(first.Data.Summary(), [], ct);
        // The orchestration's first steps take the context loaded here instead of loading it again in an activity.
        return await engine.StartTicketAsync(TicketRun.New(ticket, definition.Version, policy, data), ct);
    }

    /// <summary>Starts the orchestration of an intake record whose start was lost (the process died in between); its SLA policy is found again by id.</summary>
    private async Task StartIfLostAsync(TicketRecord intake, StepContext ctx, CancellationToken ct)
    {
        if (await engine.Current.GetInstanceAsync(intake.Ticket.Id, ct) is not null) return;
        var policy = intake.Ticket.Sla?.PolicyId is { } id ? ctx.Policies.FirstOrDefault(p => p.Id == id) : null;
        await engine.StartTicketAsync(TicketRun.New(intake.Ticket, intake.Version, policy), ct);
    }

    /// <summary>
    /// The engine discards an event for an instance with no history yet (after a crash the start message can come
    /// back later than the event), so until the ticket's first step is projected, an action waits (at most
    /// ActionWait) for its orchestration to leave Pending; a start that was lost is made now.
    /// </summary>
    private async Task RequireStartedAsync(TicketRecord current, StepContext ctx, CancellationToken ct)
    {
        if (current.Step > 0) return;
        var until = clock.GetUtcNow() + options.Value.ActionWait;
        for (var delay = TimeSpan.FromMilliseconds(20); ; delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200)))
        {
            var instance = await engine.Current.GetInstanceAsync(current.Ticket.Id, ct);
            if (instance is null) await StartIfLostAsync(current, ctx, ct);
            else if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Pending) return;
            if (clock.GetUtcNow() >= until) throw new ServiceUnavailableException("This ticket's workflow is still starting; try again in a few seconds.");
            await Task.Delay(delay, ct);
        }
    }

    public async Task<ActionOutcome> ActAsync(Caller caller, string id, string action, ActionInput? body, string? idempotencyKey, CancellationToken ct)
    {
        var kind = TicketActions.Find(action) is { ByApi: true } a ? a : throw new NotFoundException("Action", action);
        var key = IdempotencyKeys.Validate(idempotencyKey);
        var current = await FindAsync(caller, id, ct);
        var definition = await definitions.GetAsync(current.Version, ct);
        ActionRules.RequireMayTake(definition, kind, caller, current.Ticket);
        var input = kind.Validate(body ?? new ActionInput());
        var actionId = key ?? Ids.New("act");
        var ev = new TicketEvent(EventId(caller, actionId), TicketEvent.ActionKind, action, input, caller, IdempotencyKeys.Fingerprint(new { action, input }),
            clock.GetUtcNow());
        if (key is not null && await records.GetEventAsync(id, ev.Id, ct) is { } seen)
        {
            if (seen.Fingerprint != ev.Fingerprint)
                throw new ConflictException("Idempotency-Key already used.", "This Idempotency-Key was used for a different request; use a new key.");
            return await ResultAsync(seen, id, actionId, replayed: true, ct);
        }
        if (input.EngineerId is { } engineerId) await RequireEngineerAsync(engineerId, ct);
        if (input.SignaturePhotoId is { } signature) await RequireSignatureAsync(id, signature, ct);
        // The same decision the orchestration will take, on the read model: refusals answer at once.
        var ctx = await ContextAsync(definition, ct);
        TicketEngine.Act(new TicketState(current.Ticket, current.Version, TicketState.NoTimers), kind, input, caller, ctx with { Now = ev.At!.Value });
        await RequireStartedAsync(current, ctx, ct);
        await engine.Current.RaiseEventAsync(id, TicketEvent.Name, ev, ct);
        return await AwaitAsync(id, ev.Id, actionId, ct);
    }

    /// <summary>What became of an action raised earlier (the 202's Location): the ticket once applied, its problem if refused.</summary>
    public async Task<ActionOutcome> ActionStatusAsync(Caller caller, string id, string actionId, CancellationToken ct)
    {
        await FindAsync(caller, id, ct);
        var outcome = await records.GetEventAsync(id, EventId(caller, actionId), ct);
        return outcome is null ? new ActionOutcome(null, false, actionId) : await ResultAsync(outcome, id, actionId, replayed: false, ct);
    }

    public async Task<IReadOnlyList<HistoryEntry>> TimelineAsync(Caller caller, string id, CancellationToken ct)
    {
        await FindAsync(caller, id, ct);
        return await records.HistoryAsync(id, ct);
    }

    /// <summary>The ticket's messages (SMS, robot posts, job links) and how far each got: queued, sent or failed.</summary>
    public async Task<IReadOnlyList<MessageStatus>> MessagesAsync(Caller caller, string id, CancellationToken ct)
    {
        await FindAsync(caller, id, ct);
        return (await records.MessagesAsync(id, ct)).OrderBy(m => m.CreatedAt).ToList();
    }

    public async Task<DispatchPlan> DispatchPlanAsync(Caller caller, string id, CancellationToken ct) =>
        (await FindAsync(caller, id, ct)).Ticket.Dispatch ?? new DispatchPlan([]);

    /// <summary>The ticket as the API shows it: its fields, the lifecycle version, each SLA clock with due and remaining time, and what the caller may do now.</summary>
    public async Task<TicketView> ViewAsync(Caller caller, string id, CancellationToken ct) => await ViewOfAsync(caller, await FindAsync(caller, id, ct), ct);

    public async Task<TicketView> ViewOfAsync(Caller caller, TicketRecord record, CancellationToken ct)
    {
        var t = record.Ticket;
        var now = clock.GetUtcNow();
        // Guards need only the definition, the options and now: no SLA snapshot for a read.
        var rules = new StepContext(await definitions.GetAsync(record.Version, ct), options.Value, now, [], new Dictionary<string, BusinessCalendar>());
        TicketSlaView? slaView = null;
        if (t.Sla is { } s)
        {
            var calendar = await sla.CalendarAsync(s.CalendarId, ct);
            slaView = new TicketSlaView(s.PolicyId, s.PolicyName, s.CalendarId, s.Clocks.Select(c => ClockView.Of(c, calendar, now)).ToList());
        }
        return TicketView.Of(t, record.Version, slaView, ActionRules.AllowedFor(t, caller, rules));
    }

    /// <summary>Waits (polling the read model, with back-off) until the orchestration applied or refused the event, at most ActionWait.</summary>
    private async Task<ActionOutcome> AwaitAsync(string id, string eventId, string actionId, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + options.Value.ActionWait;
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            if (await records.GetEventAsync(id, eventId, ct) is { } outcome) return await ResultAsync(outcome, id, actionId, replayed: false, ct);
            if (clock.GetUtcNow() >= until) return new ActionOutcome(null, false, actionId);
            await Task.Delay(delay, ct);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
        }
    }

    private async Task<ActionOutcome> ResultAsync(EventOutcome outcome, string id, string actionId, bool replayed, CancellationToken ct)
    {
        if (outcome.Refusal is { } refusal) throw refusal.ToException();
        return new ActionOutcome(await records.GetIfExistsAsync(id, ct), replayed, actionId);
    }

    private static string EventId(Caller caller, string actionId) => $"api|{caller.Subject}|{actionId}";

    private async Task<TicketRecord> FindAsync(Caller caller, string id, CancellationToken ct)
    {
        var record = Ids.LooksValid(id, "tkt") ? await records.GetIfExistsAsync(id, ct) : null;
        if (record is null || !TicketService.CanSee(caller, record.Ticket)) throw new NotFoundException("Ticket", id);
        return record;
    }

    private async Task RequireEngineerAsync(string engineerId, CancellationToken ct)
    {
        if (await engineers.GetIfExistsAsync(engineerId, ct) is null) throw ValidationFailedException.For("engineerId", $"no engineer '{engineerId}' exists.");
    }

    private async Task RequireSignatureAsync(string ticketId, string photoId, CancellationToken ct)
    {
        if (await photos.FindAsync(ticketId, photoId, ct) is not { Kind: PhotoKinds.Signature })
            throw ValidationFailedException.For("signaturePhotoId", $"this ticket has no signature '{photoId}'; upload it to the ticket's photos with kind=signature first.");
    }

    private async Task<StepContext> ContextAsync(LifecycleDefinition definition, CancellationToken ct) => (await LoadAsync(definition, ct)).Context;

    /// <summary>The step context as of now, and as the data an orchestration records.</summary>
    private async Task<(StepContextData Data, StepContext Context)> LoadAsync(LifecycleDefinition definition, CancellationToken ct)
    {
        var snapshot = await sla.SnapshotAsync(ct);
        var data = StepContextData.Of(definition, options.Value, snapshot, await robots.NamesAsync(ct));
        return (data, data.At(clock.GetUtcNow(), snapshot.Calendars));
    }
}
