using System.Text.Json.Nodes;
using ServerlessService.Core.Common;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>满意度评价: the customer rates the service once, 1–5. Body: score, comment.</summary>
public sealed class Rate : TicketAction
{
    public override ActionKind Kind => ActionKind.Rate;
    public override bool LeavesFinalStates => true;

    protected override ActionInput Fields(Check check, ActionInput body, ActionInput valid) =>
        valid with { Score = check.Range("score", body.Score, 1, 5), Comment = check.Text("comment", body.Comment, 1000, required: false) };

    public override Ticket Apply(Ticket t, TicketWork work, ActionInput input, Actor actor, DateTimeOffset now) =>
        t with { Work = work with { Rating = new Rating(input.Score!.Value, input.Comment, now) } };

    protected override void Describe(ActionInput input, JsonObject data)
    {
        data["score"] = input.Score;
        data["comment"] = input.Comment;
    }
}
