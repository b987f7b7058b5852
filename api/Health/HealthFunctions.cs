using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessService.Core.Storage;

namespace ServerlessService.Api.Health;

public sealed record Health(string Status, IReadOnlyDictionary<string, string> Storage);

/// <summary>Liveness with storage reachability; anyone may call it.</summary>
public static class HealthFunctions
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/health", Check).WithTags("Operations").AllowAnonymous();

    private static async Task<Results<Ok<Health>, JsonHttpResult<Health>>> Check(StorageAccount storage, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var probes = new Dictionary<string, Func<Task>>
        {
            ["tables"] = () => storage.Table(TableNames.Settings).GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("health", "probe", cancellationToken: timeout.Token),
            ["blobs"] = () => storage.Container("photos").ExistsAsync(timeout.Token),
            ["queues"] = () => storage.QueueService.GetPropertiesAsync(timeout.Token),
        };
        var results = new Dictionary<string, string>();
        foreach (var (name, probe) in probes)
        {
            try { await probe(); results[name] = "reachable"; }
            catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or OperationCanceledException or AggregateException)
            {
                results[name] = "unreachable: " + e.Message.Split('\n')[0];
            }
        }
        var healthy = results.Values.All(v => v == "reachable");
        var health = new Health(healthy ? "Healthy" : "Unhealthy", results);
        return healthy ? TypedResults.Ok(health) : TypedResults.Json(health, statusCode: 503);
    }
}
