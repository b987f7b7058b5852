using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessService.Core.Common;
using ServerlessService.Orchestrations.Runtime;

namespace ServerlessService.Functions.Ops;

/// <summary>Outbox items that used up their attempts. Admins only: list them, send one back to the queue.</summary>
public static class PoisonFunctions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/ops/poison").WithTags("Operations").RequireAuthorization(Policies.Admin);
        g.MapGet("/", List);
        g.MapPost("/{id}/retry", Retry);
    }

    private static async Task<Ok<Paged<PoisonItem>>> List(string? pageSize, string? continuationToken, PoisonStore poison, CancellationToken ct) =>
        TypedResults.Ok(await poison.ListAsync(PageRequest.From(pageSize, continuationToken), ct));

    private static async Task<Accepted> Retry(string id, PoisonStore poison, CancellationToken ct)
    {
        await poison.RetryAsync(id, ct);
        return TypedResults.Accepted((string?)null);
    }
}
