using System.Text.Json.Nodes;
using ServerlessService.Core.Common;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>A new priority (staff, or an SLA escalation); the SLA clocks re-target and keep the time elapsed. Body: priority, reason.</summary>
public sealed class Prioritize : TicketAction
{
    public override ActionKind Kind => ActionKind.Prioritize;
    public override bool BySystem => true;

    protected override ActionInput Fields(Check check, ActionInput body, ActionInput valid) =>
        valid with { Priority = check.OneOf("priority", body.Priority, Priorities.All) };

    public override Ticket Apply(Ticket t, TicketWork work, ActionInput input, Actor actor, DateTimeOffset now) => t with { Priority = input.Priority! };

    public override Ticket Settle(Step<Ticket> step, Ticket before, Ticket after, StepContext ctx) =>
        before.Priority != after.Priority ? SlaSteps.Retarget(step, after, ctx) : after;

    protected override void Describe(ActionInput input, JsonObject data) => data["priority"] = input.Priority;
}
