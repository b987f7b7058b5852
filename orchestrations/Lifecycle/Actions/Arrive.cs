using System.Text.Json.Nodes;
using ServerlessService.Core.Common;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>到场 / 签到: the engineer checks in on site. Body: lat, lng (where the phone was).</summary>
public sealed class Arrive : TicketAction
{
    public override ActionKind Kind => ActionKind.Arrive;

    protected override ActionInput Fields(Check check, ActionInput body, ActionInput valid)
    {
        if (body.Lat is not { } lat || !(lat >= -90 && lat <= 90)) check.Add("lat", "is required, between -90 and 90.");
        if (body.Lng is not { } lng || !(lng >= -180 && lng <= 180)) check.Add("lng", "is required, between -180 and 180.");
        return valid with { Lat = body.Lat, Lng = body.Lng };
    }

    public override Ticket Apply(Ticket t, TicketWork work, ActionInput input, Actor actor, DateTimeOffset now) =>
        t with { Work = work with { ArrivedAt = now, ArrivalLocation = new GeoPoint(input.Lat, input.Lng) } };

    protected override void Describe(ActionInput input, JsonObject data)
    {
        data["lat"] = input.Lat;
        data["lng"] = input.Lng;
    }
}
