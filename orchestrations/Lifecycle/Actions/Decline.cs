using ServerlessService.Core.Common;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>拒单: the assigned engineer gives the job back, with a reason; they are not offered it again.</summary>
public sealed class Decline : TicketAction
{
    public override ActionKind Kind => ActionKind.Decline;

    protected override string? Reason(Check check, ActionInput body) => check.Text("reason", body.Reason, 500);

    public override Ticket Apply(Ticket t, TicketWork work, ActionInput input, Actor actor, DateTimeOffset now) =>
        t with { AssignedEngineerId = null, Work = work with { DeclinedBy = [.. work.DeclinedBy ?? [], t.AssignedEngineerId!] } };
}
