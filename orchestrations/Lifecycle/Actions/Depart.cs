using System.Text.Json.Nodes;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>出发: the engineer sets off; the customer is told they are on the way. No body.</summary>
public sealed class Depart : TicketAction
{
    public override ActionKind Kind => ActionKind.Depart;

    public override Ticket Apply(Ticket t, TicketWork work, ActionInput input, Actor actor, DateTimeOffset now) =>
        t with { Work = work with { DepartedAt = now } };

    public override (string Template, JsonObject Values)? CustomerMessage(Ticket before, Ticket after, StepContext ctx) =>
        (MessageTemplates.EngineerOnTheWay, Notifications.Values(after));
}
