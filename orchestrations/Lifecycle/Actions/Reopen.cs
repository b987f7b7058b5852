using ServerlessService.Core.Common;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>Reopening a closed ticket, with a reason; the engineer who kept the job gets the job link again.</summary>
public sealed class Reopen : TicketAction
{
    public override ActionKind Kind => ActionKind.Reopen;
    public override bool LeavesFinalStates => true;

    protected override string? Reason(Check check, ActionInput body) => check.Text("reason", body.Reason, 500);

    public override Ticket Apply(Ticket t, TicketWork work, ActionInput input, Actor actor, DateTimeOffset now) =>
        t with { Work = work with { Resolution = null, ClosedAt = null, Signature = null } };

    public override bool ResendsJobLink(Ticket after) => after.Status == TicketStatus.Assigned;
}
