using ServerlessService.Core.Common;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>待备件 / 待客户: the engineer waits; the reason (waiting-parts, waiting-customer) picks the transition. Body: reason, note.</summary>
public sealed class Pause : TicketAction
{
    public static readonly string[] Reasons = ["waiting-customer", "waiting-parts"];

    public override ActionKind Kind => ActionKind.Pause;

    protected override string? Reason(Check check, ActionInput body) => check.OneOf("reason", body.Reason, Reasons);

    /// <summary>Remembers the status it left, for resume.</summary>
    public override Ticket Apply(Ticket t, TicketWork work, ActionInput input, Actor actor, DateTimeOffset now) =>
        t with { Work = work with { PauseReason = input.Reason, PauseNote = input.Note, ReturnStatus = t.Status } };
}
