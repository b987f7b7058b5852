using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>接单: the assigned engineer takes the job. No body.</summary>
public sealed class Accept : TicketAction
{
    public override ActionKind Kind => ActionKind.Accept;

    public override Ticket Apply(Ticket t, TicketWork work, ActionInput input, Actor actor, DateTimeOffset now) =>
        t with { Work = work with { AcceptedAt = now } };
}
