using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>The confirmation window ended without an answer: a state timer closes the ticket.</summary>
public sealed class AutoClose : TicketAction
{
    public override ActionKind Kind => ActionKind.AutoClose;
    public override bool ByApi => false;
    public override bool ByTimer => true;

    public override Ticket Apply(Ticket t, TicketWork work, ActionInput input, Actor actor, DateTimeOffset now) =>
        t with { Work = work with { ClosedAt = now } };
}
