using ServerlessService.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessService.Core.Common;
using ServerlessService.Orchestrations.Tickets;

namespace ServerlessService.Api.Ops;

/// <summary>The engine's view for admins: ticket orchestrations (status, timers, failed effects), and retrying a ticket.</summary>
public static class InstanceFunctions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/ops/instances").WithTags("Operations").RequirePermission(Permission.Operate);
        g.MapGet("/", List);
        g.MapPost("/{id}/retry", Retry);
    }

    /// <summary>Ticket orchestrations, optionally of one runtime status (running, completed, failed, terminated, pending, suspended).</summary>
    private static async Task<Ok<Paged<InstanceView>>> List(string? status, string? pageSize, string? continuationToken, TicketOperations ops, CancellationToken ct) =>
        TypedResults.Ok(await ops.ListAsync(status, PageRequest.From(pageSize, continuationToken), ct));

    /// <summary>Runs the ticket's failed effects again; a failed or terminated orchestration is restarted from the ticket as it stands.</summary>
    private static async Task<Accepted> Retry(string id, TicketOperations ops, CancellationToken ct)
    {
        await ops.RetryAsync(id, ct);
        return TypedResults.Accepted((string?)null);
    }
}
