using ServerlessService.Api.Hosting;
using ServerlessService.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessService.Core.Notifications;

namespace ServerlessService.Api.Notifications;

/// <summary>WeCom and DingTalk group robots that get SLA and dispatch alerts. Admins only; secrets are never shown back.</summary>
public static class ChannelFunctions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/notification-channels").WithTags("Notifications").RequirePermission(Permission.ManageNotifications);
        g.MapGet("/", List);
        g.MapPut("/{name}", Put);
        g.MapDelete("/{name}", Delete);
    }

    private static async Task<Ok<IReadOnlyList<RobotChannelView>>> List(Caller caller, RobotChannels channels, CancellationToken ct) =>
        TypedResults.Ok(await channels.ListAsync(caller, ct));

    /// <summary>{"kind":"wecom"|"dingtalk","url":"https://…","secret":"SEC…","enabled":true}; creates or replaces the robot of that name.</summary>
    private static async Task<Ok<RobotChannelView>> Put(string name, RobotChannelInput body, Caller caller, RobotChannels channels, CancellationToken ct) =>
        TypedResults.Ok(await channels.PutAsync(caller, name, body, ct));

    private static async Task<NoContent> Delete(string name, Caller caller, RobotChannels channels, CancellationToken ct)
    {
        await channels.DeleteAsync(caller, name, ct);
        return TypedResults.NoContent();
    }
}
