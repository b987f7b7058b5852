using ServerlessService.Core.Common;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>驳回: the customer rejects the resolution, with a reason; the report and signature are cleared.</summary>
public sealed class RejectResolution : TicketAction
{
    public override ActionKind Kind => ActionKind.RejectResolution;

    protected override string? Reason(Check check, ActionInput body) => check.Text("reason", body.Reason, 500);

    public override Ticket Apply(Ticket t, TicketWork work, ActionInput input, Actor actor, DateTimeOffset now) =>
        t with { Work = work with { Resolution = null, ClosedAt = null, Signature = null } };
}
