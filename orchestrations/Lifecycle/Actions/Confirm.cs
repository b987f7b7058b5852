using System.Text.Json.Nodes;
using ServerlessService.Core.Common;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>确认完工: the customer confirms, with a signature (optional in the API; the portal always sends one). Body: signaturePhotoId.</summary>
public sealed class Confirm : TicketAction
{
    public override ActionKind Kind => ActionKind.Confirm;

    protected override ActionInput Fields(Check check, ActionInput body, ActionInput valid) => valid with { SignaturePhotoId = Signature(check, body) };

    public override Ticket Apply(Ticket t, TicketWork work, ActionInput input, Actor actor, DateTimeOffset now) =>
        t with { Work = work with { ClosedAt = now, Signature = Signed(work, input, actor, now) } };

    protected override void Describe(ActionInput input, JsonObject data)
    {
        if (input.SignaturePhotoId is not null) data["signaturePhotoId"] = input.SignaturePhotoId;
    }
}
