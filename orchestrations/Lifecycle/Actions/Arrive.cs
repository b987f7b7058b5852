using System.Text.Json.Nodes;
using ServerlessService.Core.Common;
using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>
/// 到场 / 签到: the engineer checks in on site. Body: lat, lng (where the phone was). A check-in farther from the site
/// than LifecycleOptions.CheckInDistanceKm is accepted and flagged with a check-in-far line on the timeline.
/// </summary>
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

    public override Ticket Settle(Step<Ticket> step, Ticket before, Ticket after, StepContext ctx)
    {
        if (after.SiteAddress is not { Lat: { } siteLat, Lng: { } siteLng } || after.Work?.ArrivalLocation is not { Lat: { } lat, Lng: { } lng }) return after;
        var km = Math.Round(DispatchEngine.GreatCircleKm(siteLat, siteLng, lat, lng), 2);
        var limit = ctx.Options.CheckInDistanceKm;
        if (km > limit)
            step.History.Add(new HistoryRequest("check-in-far", Actor.System.Id, Actor.System.Role, after.Status, after.Status,
                $"Checked in {km:0.0} km from the site (more than {limit:0.#} km).", new JsonObject { ["distanceKm"] = km, ["limitKm"] = limit }));
        return after with { Work = after.Work with { ArrivalDistanceKm = km } };
    }

    protected override void Describe(ActionInput input, JsonObject data)
    {
        data["lat"] = input.Lat;
        data["lng"] = input.Lng;
    }
}
