using System.Text.Json.Nodes;
using ServerlessService.Core.Common;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>完工: the engineer's service report; the customer gets the link to confirm. Body: cause, solution, laborMinutes, signaturePhotoId (optional).</summary>
public sealed class Resolve : TicketAction
{
    public override ActionKind Kind => ActionKind.Resolve;

    protected override ActionInput Fields(Check check, ActionInput body, ActionInput valid) => valid with
    {
        Cause = check.Text("cause", body.Cause, 500),
        Solution = check.Text("solution", body.Solution, 2000),
        LaborMinutes = check.Range("laborMinutes", body.LaborMinutes, 0, 10_000),
        SignaturePhotoId = Signature(check, body),
    };

    public override Ticket Apply(Ticket t, TicketWork work, ActionInput input, Actor actor, DateTimeOffset now) => t with
    {
        Work = work with
        {
            Resolution = new Resolution(input.Cause!, input.Solution!, input.LaborMinutes!.Value, now, actor.Id),
            Signature = Signed(work, input, actor, now),
        },
    };

    protected override void Describe(ActionInput input, JsonObject data)
    {
        data["cause"] = input.Cause;
        data["solution"] = input.Solution;
        data["laborMinutes"] = input.LaborMinutes;
        if (input.SignaturePhotoId is not null) data["signaturePhotoId"] = input.SignaturePhotoId;
    }

    public override (string Template, JsonObject Values)? CustomerMessage(Ticket before, Ticket after, StepContext ctx) =>
        (MessageTemplates.TicketResolved, Notifications.Values(after, ("link", "/tickets/" + after.Id)));
}
