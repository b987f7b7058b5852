using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServerlessService.Core.Common;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.Api.Tickets;

/// <summary>Tickets. Open: customers (own devices), dispatchers, admins. Read and list: staff, the ticket's customer, its assigned engineer.</summary>
public static class TicketFunctions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/tickets").WithTags("Tickets");
        g.MapPost("/", Submit);
        g.MapGet("/", List);
        g.MapGet("/{id}", Get);
    }

    /// <summary>201 with the ticket as GET shows it, SLA clocks included.</summary>
    private static async Task<Created<TicketView>> Submit(
        TicketInput body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpResponse response,
        Caller caller, TicketService tickets, TicketLifecycle lifecycle, CancellationToken ct)
    {
        var (ticket, replayed) = await tickets.SubmitAsync(caller, body, idempotencyKey, ct);
        if (replayed) response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Created($"/api/tickets/{ticket.Id}", await lifecycle.ViewAsync(caller, ticket.Id, ct));
    }

    /// <summary>Newest first. slaState=warning|breached lists open tickets in SLA warning or breach: the escalations inbox.</summary>
    private static async Task<Ok<Paged<TicketSummary>>> List(
        string? status, string? customerId, string? engineerId, string? serialNumber, string? createdFrom, string? createdTo,
        string? slaState, string? pageSize, string? continuationToken, Caller caller, TicketService tickets, CancellationToken ct)
    {
        var filter = TicketFilter.Parse(status, customerId, engineerId, serialNumber, createdFrom, createdTo, slaState);
        return TypedResults.Ok(await tickets.ListAsync(caller, filter, PageRequest.From(pageSize, continuationToken), ct));
    }

    /// <summary>The ticket with its lifecycle version and SLA clocks (target, due, elapsed, remaining, state).</summary>
    private static async Task<Ok<TicketView>> Get(string id, Caller caller, TicketLifecycle lifecycle, CancellationToken ct) =>
        TypedResults.Ok(await lifecycle.ViewAsync(caller, id, ct));
}
