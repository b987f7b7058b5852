using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>A response breach takes the job from an engineer who has not accepted; raised by the system only.</summary>
public sealed class SlaReassign : TicketAction
{
    public override ActionKind Kind => ActionKind.SlaReassign;
    public override bool ByApi => false;
    public override bool BySystem => true;

    // The engineer who let the response target pass is not offered the job again.
    public override Ticket Apply(Ticket t, TicketWork work, ActionInput input, Actor actor, DateTimeOffset now) =>
        t with { AssignedEngineerId = null, Dispatch = Exclude(t.Dispatch, t.AssignedEngineerId) };

    private static DispatchPlan Exclude(DispatchPlan? plan, string? engineerId)
    {
        var p = plan ?? new DispatchPlan([]);
        return engineerId is null ? p : p with { Excluded = [.. p.Excluded ?? [], engineerId] };
    }
}
