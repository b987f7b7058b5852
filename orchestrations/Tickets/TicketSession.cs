using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using ServerlessService.Core.Common;
using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Sla;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle;
using ServerlessService.Orchestrations.Lifecycle.Actions;

namespace ServerlessService.Orchestrations.Tickets;

/// <summary>
/// One run of a ticket orchestration: applies steps decided by <see cref="TicketEngine"/> and carries out their
/// effects as activities. Deterministic, also across a crash: a step's time comes from what caused it (a timer's due
/// time, the time the API accepted the action, the dispatch decision's time), never from when the engine got round to
/// it, so a work item the engine runs again after a crash decides exactly what the lost attempt decided, and the
/// activities that attempt had already started (projection, SMS) wrote the same step under the same keys. Runs
/// started before this rule (<see cref="TicketRun.CauseTime"/> false) keep the engine's clock until their next
/// generation, so their histories replay unchanged.
/// </summary>
internal sealed class TicketSession(TaskOrchestrationContext ctx, TicketRun run)
{
    /// <summary>Calendars, policies and robots are reloaded when older than this, so admins' edits reach running tickets.</summary>
    private static readonly TimeSpan ContextFreshFor = TimeSpan.FromMinutes(5);

    private StepContextData? _data;
    private IReadOnlyDictionary<string, BusinessCalendar> _calendars = new Dictionary<string, BusinessCalendar>();
    private DateTimeOffset _loadedAt;
    private DateTimeOffset _now;

    private string Id => run.Ticket.Id;

    public async Task StartAsync()
    {
        _now = run.Ticket.CreatedAt;
        var sc = await ContextAsync();
        run.Started = true;
        var step = TicketEngine.Start(run.Ticket, run.Policy, sc);
        run.Policy = null;
        await CommitAsync(step, null);
    }

    /// <summary>Arms the timers of a ticket taken over without them.</summary>
    public async Task ResumeAsync()
    {
        _now = ctx.CurrentUtcDateTime;
        run.Resume = false;
        var step = TicketEngine.Resume(run.Ticket, await ContextAsync());
        foreach (var (name, due) in step.Arm) run.Timers[name] = due;
    }

    public async Task OnEventAsync(TicketEvent ev)
    {
        _now = StepTime(ev.At);
        if (run.Applied.Contains(ev.Id)) return;
        if (ev.Kind == TicketEvent.RetryKind)
        {
            run.Applied.Add(ev.Id);
            var failed = run.Failed.ToList();
            run.Failed.Clear();
            await RunEffectsAsync(failed.Select(f => (f.Id, f.Effect)).ToList());
            return;
        }
        var sc = await ContextAsync();
        var action = ev.Action ?? "";
        Step<Ticket> step;
        Refusal? refusal = null;
        try
        {
            if (ev.Caller is null || !TicketService.CanSee(ev.Caller, run.Ticket)) throw new NotFoundException("Ticket", Id);
            var kind = TicketActions.Find(action) ?? throw new NotFoundException("Action", action);
            step = TicketEngine.Act(run.State, kind, ev.Input ?? new ActionInput(), ev.Caller, sc);
        }
        catch (DomainException e)
        {
            // The ticket changed between the API's check and this event: record why, change nothing.
            refusal = Refusal.Of(e, action, run.Ticket.Status.ToString());
            step = new Step<Ticket>(run.Ticket);
            step.History.Add(new HistoryRequest("refused", ev.Caller?.Subject ?? "", ev.Caller?.Role ?? "", run.Ticket.Status, run.Ticket.Status, e.Message,
                new JsonObject { ["action"] = action }));
        }
        run.Applied.Add(ev.Id);
        await CommitAsync(step, new EventOutcome(ev.Id, ev.Fingerprint ?? "", refusal is null, refusal, run.Step + 1));
    }

    /// <summary>
    /// The timer for <paramref name="due"/> fired: held-back effects go out (those the ticket outgrew meanwhile are
    /// dropped), then each timer due by then fires, at its due time however late the engine is.
    /// </summary>
    public async Task OnTimeAsync(DateTimeOffset due)
    {
        _now = run.CauseTime ? StepTime(due) : EngineTime(due);
        var ready = run.Delayed.Where(d => d.Due <= _now).ToList();
        run.Delayed.RemoveAll(d => d.Due <= _now);
        var stale = ready.Where(d => QuietHours.IsStale(d.Effect, run.Ticket)).ToList();
        if (stale.Count > 0) await RecordDroppedAsync(stale);
        var fresh = ready.Except(stale).ToList();
        if (fresh.Count > 0) await RunEffectsAsync(fresh.Select(d => (d.Id, d.Effect)).ToList());
        foreach (var (name, _) in run.Timers.Where(t => t.Value <= _now).OrderBy(t => t.Value).ToList())
        {
            if (!run.Timers.ContainsKey(name)) continue;
            var step = TicketEngine.FireTimer(run.State, name, await ContextAsync());
            if (!step.Arm.ContainsKey(name)) step.Cancel.Add(name);
            await CommitAsync(step, null);
        }
    }

    /// <summary>The earliest timer or held-back effect.</summary>
    public DateTimeOffset? NextDue()
    {
        var dues = run.Timers.Values.Concat(run.Delayed.Select(d => d.Due)).ToList();
        return dues.Count == 0 ? null : dues.Min();
    }

    /// <summary>A step's time: its cause's time (the engine's clock when the cause has none), never before the previous step.</summary>
    private DateTimeOffset StepTime(DateTimeOffset? cause)
    {
        if (!run.CauseTime) return EngineTime(null);
        var at = cause ?? ctx.CurrentUtcDateTime;
        return at > run.LastStepAt ? at : run.LastStepAt;
    }

    /// <summary>The rule of runs from before cause time: the engine's clock, or the timer's due time when it fired early.</summary>
    private DateTimeOffset EngineTime(DateTimeOffset? due) => due > ctx.CurrentUtcDateTime ? due.Value : ctx.CurrentUtcDateTime;

    /// <summary>The step context at the step's time; reloaded by step time too, so a repeated work item reloads exactly when the lost one did.</summary>
    private async Task<StepContext> ContextAsync()
    {
        var clock = run.CauseTime ? _now : ctx.CurrentUtcDateTime;
        if (_data is null && run.Context is { } given)
        {
            // Loaded by the API at intake (part of the recorded input): fresh as of the ticket's creation.
            (_data, run.Context) = (given, null);
            _calendars = _data.BuildCalendars();
            _loadedAt = run.Ticket.CreatedAt;
        }
        if (_data is null || clock - _loadedAt > ContextFreshFor)
        {
            _data = await ctx.CallActivityAsync<StepContextData>(StepContextActivity.Name, run.Version, Retry());
            _calendars = _data.BuildCalendars();
            _loadedAt = clock;
        }
        return _data.At(_now, _calendars);
    }

    /// <summary>Applies a step: timers, then the projection (ticket, timeline, event outcome, queued messages), then its effects.</summary>
    private async Task CommitAsync(Step<Ticket> step, EventOutcome? outcome)
    {
        var history = step.History.Select(h => new HistoryEntry(++run.Seq, _now, h.Kind, h.Actor, h.ActorRole, h.From, h.To, h.Reason, h.Data)).ToList();
        foreach (var name in step.Cancel) run.Timers.Remove(name);
        foreach (var (name, due) in step.Arm) run.Timers[name] = due;
        run.Ticket = step.Data;
        var stale = step.Effects.Where(e => e.Kind == EffectKinds.IndexSync)
            .SelectMany(e => e.Payload["stale"]?.AsArray().Select(s => (string)s!) ?? []).Distinct().ToList();
        var effects = step.Effects.Where(e => e.Kind != EffectKinds.IndexSync).Select(e => ($"{Id}.{run.Epoch}{++run.EffectSeq}", e)).ToList();
        var messages = effects.Where(e => MessageStatus.IsMessage(e.Item2.Kind)).Select(e => MessageStatus.Of(e.Item1, e.Item2, _now)).ToList();
        var projection = NextProjection(history, stale, outcome, messages);
        var later = effects.Where(e => e.Item2.NotBefore > _now).ToList();
        run.Delayed.AddRange(later.Select(e => new DelayedEffect(e.Item1, e.Item2, e.Item2.NotBefore!.Value)));
        var now = effects.Except(later).ToList();
        if (!run.StepInOneActivity)
        {
            await ctx.CallActivityAsync<bool>(ProjectionActivity.Name, projection, Retry());
            await RunEffectsAsync(now);
            return;
        }
        // Robot messages call out over HTTP and may be slow: they run beside the ticket, not inside its step.
        var inline = now.Where(e => e.Item2.Kind != RobotHandler.KindName).ToList();
        var dispatch = inline.FirstOrDefault(e => e.Item2.Kind == EffectKinds.Dispatch);
        var work = new StepWork(projection, inline.Where(e => e.Item2.Kind != EffectKinds.Dispatch).Select(e => new EffectWork(Id, e.Item1, e.Item2.Kind, e.Item2.Payload)).ToList(),
            dispatch.Item2 is null ? null : new DispatchWork(Id, run.Ticket), dispatch.Item1);
        var done = await ctx.CallActivityAsync<StepDone>(StepActivity.Name, work, Retry());
        await RunEffectsAsync(now.Except(inline).ToList());
        // An effect that failed once inside the step is retried on its own, with the usual retries.
        await RunEffectsAsync(inline.Where(e => done.Failed.Any(f => f.EffectId == e.Item1)).ToList());
        if (done.Decision is { } decision)
        {
            _now = StepTime(decision.At);
            await ApplyDispatchAsync(decision);
        }
    }

    private Projection NextProjection(IReadOnlyList<HistoryEntry> history, IReadOnlyList<string> stale, EventOutcome? outcome, IReadOnlyList<MessageStatus> messages)
    {
        run.Step++;
        run.LastStepAt = _now;
        return new Projection(Id, run.Ticket, run.Version, run.Step, history, stale, outcome is null ? null : outcome with { Step = run.Step }, messages);
    }

    /// <summary>Effects whose activities are running; the orchestration takes the next event meanwhile.</summary>
    private readonly List<Task<EffectDone>> _inflight = [];

    internal sealed record EffectDone(string Id, EffectRequest Effect, string? Error, DispatchDecision? Decision);

    /// <summary>Completes when any running effect does; null when none runs.</summary>
    public Task<Task<EffectDone>>? AnyEffect() => _inflight.Count == 0 ? null : Task.WhenAny(_inflight);

    /// <summary>An effect finished: a dispatch decision becomes the next step, a failure is recorded.</summary>
    public async Task OnEffectDoneAsync(Task<Task<EffectDone>> any)
    {
        var task = await any;
        _inflight.Remove(task);
        var done = await task;
        _now = StepTime(done.Decision?.At);
        if (done.Error is not null) await RecordFailuresAsync([new FailedEffect(done.Id, done.Effect, done.Error, _now)]);
        else if (done.Decision is { } decision) await ApplyDispatchAsync(decision);
    }

    /// <summary>Waits for every running effect (before continuing as new).</summary>
    public async Task DrainAsync()
    {
        while (AnyEffect() is { } any) await OnEffectDoneAsync(any);
    }

    public bool Busy => _inflight.Count > 0;

    /// <summary>Starts effects side by side, each with retries; their results are taken as they finish.</summary>
    private Task RunEffectsAsync(IReadOnlyList<(string Id, EffectRequest Effect)> effects)
    {
        foreach (var (id, e) in effects) _inflight.Add(RunOneAsync(id, e));
        return Task.CompletedTask;
    }

    private async Task<EffectDone> RunOneAsync(string id, EffectRequest e)
    {
        try
        {
            if (e.Kind == EffectKinds.Dispatch)
                return new(id, e, null, await ctx.CallActivityAsync<DispatchDecision>(DispatchActivity.Name, new DispatchWork(Id, run.Ticket), Retry()));
            await ctx.CallActivityAsync<bool>(e.Kind, new EffectWork(Id, id, e.Kind, e.Payload), Retry());
            return new(id, e, null, null);
        }
        catch (TaskFailedException x)
        {
            return new(id, e, x.FailureDetails.ErrorMessage, null);
        }
    }

    private async Task ApplyDispatchAsync(DispatchDecision decision)
    {
        var sc = await ContextAsync();
        var step = decision.EngineerId is not null ? TicketEngine.AutoAssign(run.State, decision, sc) : TicketEngine.Hold(run.State, decision, sc);
        if (step is not null) await CommitAsync(step, null);
        // The ticket changed while dispatch ran (assigned by hand, cancelled): give the reservation back.
        else if (decision.EngineerId is { } reserved)
            await RunEffectsAsync([($"{Id}.{run.Epoch}{++run.EffectSeq}", CapacityHandler.Release(reserved))]);
    }

    /// <summary>Failed effects go on the timeline and the message list, and wait for an operator's retry.</summary>
    private async Task RecordFailuresAsync(IReadOnlyList<FailedEffect> failures)
    {
        run.Failed.AddRange(failures);
        var history = failures.Select(f => new HistoryEntry(++run.Seq, _now, "effect-failed", Actor.System.Id, Actor.System.Role, null, null, f.Error,
            new JsonObject { ["effect"] = f.Effect.Kind, ["effectId"] = f.Id })).ToList();
        var messages = failures.Where(f => MessageStatus.IsMessage(f.Effect.Kind))
            .Select(f => MessageStatus.Of(f.Id, f.Effect, _now) with { Status = MessageStatus.Failed, LastError = f.Error }).ToList();
        await ctx.CallActivityAsync<bool>(ProjectionActivity.Name, NextProjection(history, [], null, messages), Retry());
    }

    /// <summary>Held messages that no longer fit the ticket show as dropped in its message list.</summary>
    private async Task RecordDroppedAsync(IReadOnlyList<DelayedEffect> dropped)
    {
        var messages = dropped.Where(d => MessageStatus.IsMessage(d.Effect.Kind)).Select(d => MessageStatus.Of(d.Id, d.Effect, _now) with
        {
            Status = MessageStatus.Dropped, NotBefore = d.Due, LastError = $"Not sent: the ticket is {run.Ticket.Status} now.",
        }).ToList();
        await ctx.CallActivityAsync<bool>(ProjectionActivity.Name, NextProjection([], [], null, messages), Retry());
    }

    private TaskOptions Retry()
    {
        var o = _data?.Options ?? new LifecycleOptions();
        return TaskOptions.FromRetryPolicy(new RetryPolicy(Math.Max(1, o.EffectAttempts), o.EffectRetryDelay, 2, o.EffectMaxRetryDelay));
    }
}
