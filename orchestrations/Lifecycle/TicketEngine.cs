using System.Text.Json.Nodes;
using ServerlessService.Core.Common;
using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Sla;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle.Actions;
using ServerlessService.Orchestrations.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>
/// The pure decisions of the ticket lifecycle: given the instance, an event and the context, the step to commit.
/// Transitions, guards, who may act and the SLA clock rules come from the definition; nothing here does I/O.
/// </summary>
public static partial class TicketEngine
{
    public const string StateTimerPrefix = "state:";

    public static Step<Ticket> Start(Ticket ticket, SlaPolicy? policy, StepContext ctx)
    {
        var t = ticket with { Status = ctx.Definition.InitialStatus, Sla = policy is null ? null : TicketSla.For(policy) };
        var step = new Step<Ticket>(t);
        step.History.Add(new HistoryRequest("submitted", ticket.CreatedBy, RoleOf(ticket.CreatedBy), To: t.Status, Data: new JsonObject
        {
            ["priority"] = t.Priority,
            ["slaPolicy"] = policy?.Name,
        }));
        foreach (var rule in ticket.Dispatch?.FiredRules ?? [])
            step.History.Add(new HistoryRequest("rule-fired", Actor.System.Id, Actor.System.Role, Data: new JsonObject { ["ruleId"] = rule.Id, ["name"] = rule.Name }));
        t = SlaSteps.OnEvent(t, LifecycleDefinition.Created, null, ctx);
        step.Data = t;
        EnterState(step, t, ctx);
        SlaSteps.Rearm(step, t, TicketState.NoTimers, ctx);
        step.Effects.Add(IndexSync(t, []));
        step.Effects.Add(CustomerMessage(t, MessageTemplates.TicketReceived, Notifications.Values(t, ("serialNumber", t.SerialNumber)), ctx));
        if (t.Dispatch?.HoldForManual == true)
        {
            step.History.Add(new HistoryRequest("dispatch-held", Actor.System.Id, Actor.System.Role, Reason: "A dispatch rule holds this ticket for manual dispatch."));
            Notifications.DispatchHeld(step, t, "held for manual dispatch by a rule", ctx);
        }
        else step.Effects.Add(AutoDispatch());
        step.Complete = false;
        return step;
    }

    /// <summary>
    /// A ticket taken over from elsewhere (a restarted orchestration, the previous release's store): arm the timers its
    /// state calls for. State timers count from now, SLA timers from the clocks' own elapsed time.
    /// </summary>
    public static Step<Ticket> Resume(Ticket t, StepContext ctx)
    {
        var step = new Step<Ticket>(t);
        if (!ctx.Definition.IsFinal(t.Status)) EnterState(step, t, ctx);
        SlaSteps.Rearm(step, t, TicketState.NoTimers, ctx);
        return step;
    }

    /// <summary>An action a caller asked for through the API.</summary>
    /// <remarks>A 409 lists what this caller may do instead, as the ticket's allowedActions do.</remarks>
    public static Step<Ticket> Act(TicketState instance, TicketAction action, ActionInput input, Caller caller, StepContext ctx)
    {
        var t = instance.Data;
        var candidates = action.ByApi ? ActionRules.From(ctx.Definition, action, t.Status) : [];
        if (candidates.Count == 0)
            throw new ActionNotAllowedException(action.Name, t.Status.ToString(), ActionRules.Names(ActionRules.AllowedFor(t, caller, ctx)));
        var transition = Choose(candidates, t, input, ctx);
        var actor = Authorize(transition, t, input, caller);
        var step = new Step<Ticket>(t);
        step.Data = Transition(step, t, transition, action, input, actor, instance.Timers, ctx);
        return step;
    }

    /// <summary>A timer of this instance fired: a state timer raises its event, an SLA timer fires its clock's thresholds.</summary>
    public static Step<Ticket> FireTimer(TicketState instance, string name, StepContext ctx)
    {
        IReadOnlyDictionary<string, DateTimeOffset> meta = instance.Timers.Where(x => x.Key != name).ToDictionary();
        var step = new Step<Ticket>(instance.Data);
        var t = instance.Data;
        if (name.StartsWith(SlaSteps.TimerPrefix, StringComparison.Ordinal))
        {
            t = SlaSteps.Fire(step, t, name[SlaSteps.TimerPrefix.Length..], ctx);
            SlaSteps.Rearm(step, t, meta, ctx);
            step.Data = t;
            // Warnings and breaches change what ticket lists show.
            if (!step.Effects.Any(o => o.Kind == EffectKinds.IndexSync)) step.Effects.Add(IndexSync(t, Left(instance.Data, t)));
            step.Complete = ctx.Definition.IsFinal(t.Status);
            return step;
        }
        var spec = ctx.Definition.State(t.Status)?.Timers?.FirstOrDefault(x => StateTimerPrefix + x.Name == name);
        var action = TicketActions.Find(spec?.Raises);
        var transition = action is not { ByTimer: true } ? null
            : ActionRules.From(ctx.Definition, action, t.Status).FirstOrDefault(x => x.By.Contains(Actors.Timer));
        if (transition is null) return step;
        step.Data = Transition(step, t, transition, action!, new ActionInput(), Actor.Timer, meta, ctx);
        return step;
    }

    /// <summary>An event the system raises inside another step (SLA escalation); skipped with a note when the status does not allow it.</summary>
    internal static Ticket RaiseSystemEvent(Step<Ticket> step, Ticket t, ActionKind kind, ActionInput input, StepContext ctx)
    {
        var action = TicketActions.Of(kind);
        var transition = ActionRules.From(ctx.Definition, action, t.Status).FirstOrDefault(x => x.By.Contains(Actors.System));
        if (transition is null)
        {
            step.History.Add(new HistoryRequest("skipped", Actor.System.Id, Actor.System.Role, t.Status, t.Status,
                $"'{action.Name}' is not possible while the ticket is {t.Status}.", new JsonObject { ["event"] = action.Name }));
            return t;
        }
        return Transition(step, t, transition, action, input, Actor.System, TicketState.NoTimers, ctx, rearm: false);
    }

    private static Ticket Transition(Step<Ticket> step, Ticket t, TransitionSpec spec, TicketAction action, ActionInput input, Actor actor,
        IReadOnlyDictionary<string, DateTimeOffset> meta, StepContext ctx, bool rearm = true)
    {
        var from = t.Status;
        var previous = t;
        var to = spec.Target(t, ctx.Definition);
        t = action.Apply(t, t.Work ?? new TicketWork(), input, actor, ctx.Now) with { Status = to, UpdatedAt = ctx.Now };
        step.History.Add(new HistoryRequest(action.Name, actor.Id, actor.Role, from, to, input.Reason, action.HistoryData(input, actor)));
        t = action.Settle(step, previous, t, ctx);
        t = SlaSteps.OnEvent(t, action.Name, from, ctx);
        if (to != from)
        {
            LeaveState(step, from, ctx);
            EnterState(step, t, ctx);
        }
        step.Complete = ctx.Definition.IsFinal(to);
        if (step.Complete == true)
        {
            foreach (var name in meta.Keys) step.Cancel.Add(name);
            step.Arm.Clear();
        }
        if (rearm) SlaSteps.Rearm(step, t, meta, ctx);
        Capacity(step, previous, t, actor);
        Messages(step, previous, t, action, ctx);
        if (t.Status == ctx.Definition.InitialStatus && t.AssignedEngineerId is null && previous.AssignedEngineerId is not null && t.Dispatch?.HoldForManual != true)
            step.Effects.Add(AutoDispatch());
        // One index sync per step, covering every partition the ticket left during it.
        var stale = Left(previous, t).Concat(step.Effects.Where(o => o.Kind == EffectKinds.IndexSync).SelectMany(o => o.Payload["stale"]!.AsArray().Select(s => (string)s!)))
            .Distinct().ToList();
        step.Effects.RemoveAll(o => o.Kind == EffectKinds.IndexSync);
        step.Effects.Add(IndexSync(t, stale));
        return t;
    }

    private static TransitionSpec Choose(IReadOnlyList<TransitionSpec> candidates, Ticket t, ActionInput input, StepContext ctx)
    {
        var matching = candidates.Where(c => (c.When ?? new Dictionary<string, string>()).All(w => w.Key == "reason" && w.Value == input.Reason)).ToList();
        if (matching.Count == 0) throw ValidationFailedException.For("reason", "does not match any way this action can go from here.");
        var passing = matching.FirstOrDefault(c => Guards.AllPass(c, t, ctx));
        if (passing is not null) return passing;
        var failed = matching.SelectMany(c => c.If ?? []).First(g => !Guards.Pass(g, t, ctx) && Guards.Explains(g));
        throw new ConflictException("Not possible now.", Guards.Explain(failed));
    }

    /// <summary>Engineer actions only by the assignee, customer actions only by the ticket's customer; staff may act for them with a reason.</summary>
    private static Actor Authorize(TransitionSpec spec, Ticket t, ActionInput input, Caller caller)
    {
        var role = ActionRules.RoleOf(caller, t);
        if (ActionRules.Raises(spec, role)) return new Actor(caller.Subject, caller.Role);
        if (ActionRules.InPlace(spec, role))
        {
            if (input.Reason is null) throw ValidationFailedException.For("reason", $"is required when staff {spec.Event} in place of the {string.Join(" or ", spec.By)}.");
            return new Actor(caller.Subject, caller.Role, Override: true);
        }
        throw new ForbiddenException($"Only the {string.Join(" or ", spec.By.Where(b => b is not (Actors.System or Actors.Timer)))} may {spec.Event} this ticket.");
    }

    private static void EnterState(Step<Ticket> step, Ticket t, StepContext ctx)
    {
        foreach (var timer in ctx.Definition.State(t.Status)?.Timers ?? [])
        {
            var after = ctx.Options.Named(timer.After) ?? (Durations.TryParse(timer.After, out var d) ? d : TimeSpan.Zero);
            step.Cancel.Remove(StateTimerPrefix + timer.Name);
            step.Arm[StateTimerPrefix + timer.Name] = ctx.Now + after;
        }
    }

    private static void LeaveState(Step<Ticket> step, TicketStatus status, StepContext ctx)
    {
        foreach (var timer in ctx.Definition.State(status)?.Timers ?? [])
        {
            step.Arm.Remove(StateTimerPrefix + timer.Name);
            step.Cancel.Add(StateTimerPrefix + timer.Name);
        }
    }

    /// <summary>The index partitions the ticket belonged in before the step and not after it.</summary>
    private static IEnumerable<string> Left(Ticket previous, Ticket t) =>
        TicketIndex.PartitionsOf(previous.Summary()).Except(TicketIndex.PartitionsOf(t.Summary()));

    private static EffectRequest IndexSync(Ticket t, IEnumerable<string> stale) =>
        new(EffectKinds.IndexSync, new JsonObject { ["stale"] = new JsonArray([.. stale.Select(s => JsonValue.Create(s))]) });

    /// <summary>Customers' subjects are their customer ids; everyone else who opens tickets is staff.</summary>
    private static string RoleOf(string subject) => Ids.LooksValid(subject, "cus") ? Actors.Customer : Actors.Staff;
}
