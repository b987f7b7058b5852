using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>继续: the wait is over; the definition sends the ticket back to the status the pause left ("$return"). No body.</summary>
public sealed class Resume : TicketAction
{
    public override ActionKind Kind => ActionKind.Resume;

    public override Ticket Apply(Ticket t, TicketWork work, ActionInput input, Actor actor, DateTimeOffset now) =>
        t with { Work = work with { PauseReason = null, PauseNote = null, ReturnStatus = null } };
}
