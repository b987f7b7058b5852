using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessService.Core.Storage;

namespace ServerlessService.Api.Health;

public sealed record Health(string Status, IReadOnlyDictionary<string, string> Storage);

/// <summary>Liveness with storage reachability; anyone may call it.</summary>
public static class HealthFunctions
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/health", Check).WithTags("Operations").AllowAnonymous();

    private static async Task<Results<Ok<Health>, JsonHttpResult<Health>>> Check(StorageProbe probe, CancellationToken ct)
    {
        var results = await probe.CheckAsync(TimeSpan.FromSeconds(5), ct);
        var healthy = results.Values.All(v => v == StorageProbe.Reachable);
        var health = new Health(healthy ? "Healthy" : "Unhealthy", results);
        return healthy ? TypedResults.Ok(health) : TypedResults.Json(health, statusCode: 503);
    }
}
