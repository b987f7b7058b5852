using System.Text.Json.Nodes;
using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle.Actions;
using ServerlessService.Orchestrations.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>The dispatch steps: automatic assignment, holding for a dispatcher, and who holds capacity.</summary>
public static partial class TicketEngine
{
    /// <summary>Automatic dispatch chose an engineer (whose capacity is already reserved): assign, if the ticket still waits for one.</summary>
    public static Step<Ticket>? AutoAssign(TicketState instance, DispatchDecision decision, StepContext ctx)
    {
        var t = instance.Data;
        if (t.Status != ctx.Definition.InitialStatus || t.AssignedEngineerId is not null || decision.EngineerId is null) return null;
        var step = new Step<Ticket>(t);
        var chosen = decision.Candidates[0];
        step.History.Add(new HistoryRequest("dispatched", Actor.System.Id, Actor.System.Role, Data: new JsonObject
        {
            ["engineerId"] = chosen.EngineerId,
            ["name"] = chosen.Name,
            ["score"] = chosen.Score,
            ["distanceKm"] = chosen.DistanceKm,
            ["candidates"] = decision.Candidates.Count,
        }));
        t = t with { Dispatch = (t.Dispatch ?? new DispatchPlan([])).With(decision) };
        step.Data = RaiseSystemEvent(step, t, ActionKind.Assign, new ActionInput(EngineerId: chosen.EngineerId, Reason: "auto-dispatch"), ctx);
        SlaSteps.Rearm(step, step.Data, instance.Timers, ctx);
        step.Complete = false;
        return step;
    }

    /// <summary>Nobody can take the ticket now: keep it for a dispatcher and tell them why.</summary>
    public static Step<Ticket>? Hold(TicketState instance, DispatchDecision decision, StepContext ctx)
    {
        var t = instance.Data;
        if (t.Status != ctx.Definition.InitialStatus || t.AssignedEngineerId is not null) return null;
        var step = new Step<Ticket>(t with { Dispatch = (t.Dispatch ?? new DispatchPlan([])).With(decision) });
        step.History.Add(new HistoryRequest("dispatch-held", Actor.System.Id, Actor.System.Role, Reason: decision.HeldReason));
        Notifications.DispatchHeld(step, t, decision.HeldReason ?? "", ctx);
        step.Complete = false;
        return step;
    }

    /// <summary>An engineer holds a job from assignment until it is resolved, cancelled, closed or taken from them.</summary>
    private static void Capacity(Step<Ticket> step, Ticket before, Ticket after, Actor actor)
    {
        static bool Holds(Ticket x) => x.AssignedEngineerId is not null && !x.Status.IsDone();
        if (Holds(before) && (!Holds(after) || before.AssignedEngineerId != after.AssignedEngineerId))
            step.Effects.Add(CapacityHandler.Release(before.AssignedEngineerId!));
        if (Holds(after) && (!Holds(before) || before.AssignedEngineerId != after.AssignedEngineerId))
            step.Effects.Add(CapacityHandler.Reserve(after.AssignedEngineerId!, force: actor.Role != Actors.System));
    }

    private static EffectRequest AutoDispatch() => new(EffectKinds.Dispatch, []);
}
