using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServerlessService.Orchestrations.Lifecycle;
using ServerlessService.Orchestrations.Runtime;

namespace ServerlessService.Functions.Tickets;

/// <summary>
/// Lifecycle actions and the timeline. Who may take an action is decided by the lifecycle definition: the assigned
/// engineer, the ticket's customer, staff (and staff in their place, with a reason).
/// </summary>
public static class TicketActionFunctions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/tickets/{id}").WithTags("Tickets");
        // "photos" is the upload route; without this, a photo sent with the wrong content type would land here.
        g.MapPost("/{action:regex(^(?!photos$)[a-z-]+$)}", Act);
        g.MapGet("/timeline", Timeline);
    }

    private static async Task<Ok<JsonObject>> Act(
        string id, string action, [FromBody] ActionInput? body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpResponse response, ClaimsPrincipal user, TicketLifecycle lifecycle, CancellationToken ct)
    {
        var result = await lifecycle.ActAsync(user.ToCaller(), id, action, body, idempotencyKey, ct);
        if (result.Replayed) response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Ok(await lifecycle.ViewOfAsync(result.Instance, ct));
    }

    private static async Task<Ok<IReadOnlyList<HistoryEntry>>> Timeline(string id, ClaimsPrincipal user, TicketLifecycle lifecycle, CancellationToken ct) =>
        TypedResults.Ok(await lifecycle.TimelineAsync(user.ToCaller(), id, ct));
}
