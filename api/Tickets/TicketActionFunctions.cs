using ServerlessService.Api.Hosting;
using ServerlessService.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServerlessService.Core.Dispatch;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.Api.Tickets;

/// <summary>
/// Lifecycle actions and the timeline. Who may take an action is decided by the lifecycle definition: the assigned
/// engineer, the ticket's customer, staff (and staff in their place, with a reason).
/// </summary>
/// <summary>An action the ticket's orchestration has not applied yet; poll Location.</summary>
public sealed record ActionPending(string ActionId, string Status, string Location);

public static class TicketActionFunctions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/tickets/{id}").WithTags("Tickets");
        // "photos" is the upload route; without this, a photo sent with the wrong content type would land here.
        g.MapPost("/{action:regex(^(?!photos$)[a-z-]+$)}", Act);
        g.MapGet("/timeline", Timeline);
        g.MapGet("/actions/{actionId}", ActionStatus);
        g.MapGet("/dispatch", Dispatch).RequirePermission(Permission.ReadAll);
        g.MapGet("/messages", Messages).RequirePermission(Permission.ReadAll);
    }

    /// <summary>Every message the ticket caused — customer and engineer SMS, supervisor alerts, robot posts — with status queued, sent or failed.</summary>
    private static async Task<Ok<IReadOnlyList<MessageStatus>>> Messages(string id, Caller caller, TicketLifecycle lifecycle, CancellationToken ct) =>
        TypedResults.Ok(await lifecycle.MessagesAsync(caller, id, ct));

    /// <summary>How the ticket is dispatched: the rules that fired, their requirements, and each automatic decision with every candidate's score.</summary>
    private static async Task<Ok<DispatchPlan>> Dispatch(string id, Caller caller, TicketLifecycle lifecycle, CancellationToken ct) =>
        TypedResults.Ok(await lifecycle.DispatchPlanAsync(caller, id, ct));

    /// <summary>
    /// Takes an action. 200 with the ticket once its orchestration applied it; 202 with a Location to poll when it has
    /// not yet within the wait (the action is recorded and will be applied or refused).
    /// </summary>
    private static async Task<Results<Ok<TicketView>, Accepted<ActionPending>>> Act(
        string id, string action, [FromBody] ActionInput? body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpResponse response, Caller caller, TicketLifecycle lifecycle, CancellationToken ct)
    {
        var result = await lifecycle.ActAsync(caller, id, action, body, idempotencyKey, ct);
        if (result.Replayed) response.Headers["Idempotent-Replayed"] = "true";
        return await AnswerAsync(caller, id, result, lifecycle, ct);
    }

    /// <summary>An action answered 202: 200 with the ticket once applied, its problem (409, 403, 400) if it was refused, 202 while pending.</summary>
    private static async Task<Results<Ok<TicketView>, Accepted<ActionPending>>> ActionStatus(
        string id, string actionId, Caller caller, TicketLifecycle lifecycle, CancellationToken ct) =>
        await AnswerAsync(caller, id, await lifecycle.ActionStatusAsync(caller, id, actionId, ct), lifecycle, ct);

    private static async Task<Results<Ok<TicketView>, Accepted<ActionPending>>> AnswerAsync(
        Caller caller, string id, ActionOutcome result, TicketLifecycle lifecycle, CancellationToken ct)
    {
        if (result.Ticket is { } ticket) return TypedResults.Ok(await lifecycle.ViewOfAsync(caller, ticket, ct));
        var location = $"/api/tickets/{id}/actions/{Uri.EscapeDataString(result.ActionId)}";
        return TypedResults.Accepted(location, new ActionPending(result.ActionId, "pending", location));
    }

    /// <summary>The ticket's timeline; the system's reasons (check-in far, dispatch held, refusals) in the caller's language.</summary>
    private static async Task<Ok<IReadOnlyList<HistoryEntry>>> Timeline(string id, Caller caller, TicketLifecycle lifecycle, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<HistoryEntry>>((await lifecycle.TimelineAsync(caller, id, ct)).Select(e => e with { Reason = Resources.ServerText.For(http, e.Reason) }).ToList());
}
