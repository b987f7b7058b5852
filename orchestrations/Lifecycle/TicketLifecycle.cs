using Microsoft.Extensions.Options;
using ServerlessService.Core.Common;
using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Engineers;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Photos;
using ServerlessService.Core.Sla;
using ServerlessService.Core.Storage;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Runtime;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>A message as the ticket shows it.</summary>
public sealed record MessageStatus(string Id, string Kind, string? Audience, string? Event, string Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? NotBefore, DateTimeOffset? SentAt, string? LastError)
{
    public static MessageStatus Of(OutboxItem o) => new(
        o.Id, o.Kind, (string?)o.Payload["audience"] ?? (string?)o.Payload["robot"], (string?)o.Payload["event"] ?? (string?)o.Payload["op"],
        o.Status switch { OutboxStatus.Done => "sent", OutboxStatus.Parked => "failed", _ => "queued" },
        o.Attempts, o.CreatedAt, o.Status == OutboxStatus.Pending && o.NextAttemptAt > o.CreatedAt ? o.NextAttemptAt : null, o.CompletedAt, o.LastError);
}

/// <summary>
/// The ticket lifecycle on the workflow runtime: starts a ticket's instance at intake, applies actions, fires its
/// timers, and shows its timeline and SLA clocks. Loads what a step needs first, then lets the pure engine decide.
/// </summary>
public sealed class TicketLifecycle(
    WorkflowRuntime runtime, InstanceStore instances, DefinitionStore definitions, SlaService sla, IEngineerStore engineers,
    RobotClient robots, IPhotoStore photos, IOptions<LifecycleOptions> options, TimeProvider clock) : IWorkflowTimers
{
    public string Definition => DefinitionStore.Name;

    public async Task<bool> StartAsync(Ticket ticket, CancellationToken ct)
    {
        var definition = await definitions.LatestAsync(ct);
        var ctx = await ContextAsync(definition, ct);
        // A dispatch rule may name the SLA policy; otherwise the first policy that matches applies.
        var policy = (ticket.Dispatch?.SlaPolicyId is { } chosen ? ctx.Policies.FirstOrDefault(p => p.Id == chosen) : null)
            ?? ctx.Match(ticket.Priority, ticket.CustomerTier, ticket.ProductLine);
        return await runtime.TryStartAsync(ticket.Id, Definition, definition.Version, TicketEngine.Start(ticket, policy, ctx), ct);
    }

    public async Task<StepResult<Ticket>> ActAsync(Caller caller, string id, string action, ActionInput? body, string? idempotencyKey, CancellationToken ct)
    {
        if (!LifecycleVocabulary.Actions.Contains(action))
            throw new NotFoundException("Action", action);
        var key = IdempotencyKeys.Validate(idempotencyKey);
        var input = (body ?? new ActionInput()).Validate(action);
        var current = await FindAsync(caller, id, ct);
        if (action == "assign") await RequireEngineerAsync(input.EngineerId!, ct);
        if (input.SignaturePhotoId is { } signature) await RequireSignatureAsync(id, signature, ct);
        var ctx = await ContextAsync(await definitions.GetAsync(current.Meta.Version, ct), ct);
        var ev = key is null ? null : new EventId($"api|{caller.Subject}|{key}", IdempotencyKeys.Fingerprint(new { action, input }));
        return await runtime.ExecuteAsync<Ticket>(id, ev, instance =>
        {
            if (!TicketService.CanSee(caller, instance.Data)) throw new NotFoundException("Ticket", id);
            return TicketEngine.Act(instance, action, input, caller, ctx with { Now = clock.GetUtcNow() });
        }, ct);
    }

    public async Task FireAsync(TimerMessage message, CancellationToken ct)
    {
        var current = await instances.GetIfExistsAsync<Ticket>(message.InstanceId, ct);
        if (current is null) return;
        var ctx = await ContextAsync(await definitions.GetAsync(current.Meta.Version, ct), ct);
        await runtime.FireTimerAsync<Ticket>(message, instance => TicketEngine.FireTimer(instance, message.Name, ctx with { Now = clock.GetUtcNow() }), ct);
    }

    public async Task<IReadOnlyList<HistoryEntry>> TimelineAsync(Caller caller, string id, CancellationToken ct)
    {
        await FindAsync(caller, id, ct);
        return await instances.HistoryAsync(id, ct);
    }

    /// <summary>The ticket's messages (SMS, robot posts, job links) and how far each got: queued, sent or failed.</summary>
    public async Task<IReadOnlyList<MessageStatus>> MessagesAsync(Caller caller, string id, CancellationToken ct)
    {
        await FindAsync(caller, id, ct);
        return (await instances.OutboxAsync(id, ct))
            .Where(o => o.Kind is NotifyHandler.KindName or RobotHandler.KindName or EngineerLinkHandler.KindName)
            .OrderBy(o => o.CreatedAt)
            .Select(MessageStatus.Of).ToList();
    }

    public async Task<DispatchPlan> DispatchPlanAsync(Caller caller, string id, CancellationToken ct) =>
        (await FindAsync(caller, id, ct)).Data.Dispatch ?? new DispatchPlan([]);

    /// <summary>The ticket as the API shows it: its fields, the lifecycle version, and each SLA clock with due and remaining time.</summary>
    public async Task<TicketView> ViewAsync(Caller caller, string id, CancellationToken ct) => await ViewOfAsync(await FindAsync(caller, id, ct), ct);

    public async Task<TicketView> ViewOfAsync(Instance<Ticket> instance, CancellationToken ct)
    {
        var t = instance.Data;
        TicketSlaView? slaView = null;
        if (t.Sla is { } s)
        {
            var calendar = await sla.CalendarAsync(s.CalendarId, ct);
            var now = clock.GetUtcNow();
            slaView = new TicketSlaView(s.PolicyId, s.PolicyName, s.CalendarId, s.Clocks.Select(c => ClockView.Of(c, calendar, now)).ToList());
        }
        return TicketView.Of(t, instance.Meta.Version, slaView);
    }

    private async Task<Instance<Ticket>> FindAsync(Caller caller, string id, CancellationToken ct)
    {
        var instance = Ids.LooksValid(id, "tkt") ? await instances.GetIfExistsAsync<Ticket>(id, ct) : null;
        if (instance is null || !TicketService.CanSee(caller, instance.Data)) throw new NotFoundException("Ticket", id);
        return instance;
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

    /// <summary>What a step of a ticket on this lifecycle version needs, loaded ahead of the step.</summary>
    public async Task<StepContext> ContextAsync(int version, CancellationToken ct) => await ContextAsync(await definitions.GetAsync(version, ct), ct);

    private async Task<StepContext> ContextAsync(LifecycleDefinition definition, CancellationToken ct)
    {
        var snapshot = await sla.SnapshotAsync(ct);
        return new StepContext(definition, options.Value, clock.GetUtcNow(), snapshot.Policies, snapshot.Calendars, await robots.NamesAsync(ct));
    }
}
