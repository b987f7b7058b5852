using ServerlessService.Core.Common;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>已取消: the customer or staff cancel, with a reason.</summary>
public sealed class Cancel : TicketAction
{
    public override ActionKind Kind => ActionKind.Cancel;

    protected override string? Reason(Check check, ActionInput body) => check.Text("reason", body.Reason, 500);

    public override Ticket Apply(Ticket t, TicketWork work, ActionInput input, Actor actor, DateTimeOffset now) =>
        t with { Work = work with { CancelReason = input.Reason } };
}
