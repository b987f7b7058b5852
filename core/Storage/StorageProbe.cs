using Azure.Data.Tables;

namespace ServerlessService.Core.Storage;

/// <summary>Whether tables, blobs and queues answer: one cheap read of each, within the timeout given.</summary>
public sealed class StorageProbe(StorageAccount storage)
{
    public const string Reachable = "reachable";

    public async Task<IReadOnlyDictionary<string, string>> CheckAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        var probes = new Dictionary<string, Func<Task>>
        {
            ["tables"] = () => storage.Table(TableNames.Settings).GetEntityIfExistsAsync<TableEntity>("health", "probe", cancellationToken: limit.Token),
            ["blobs"] = () => storage.Container(StorageAccount.PhotosContainer).ExistsAsync(limit.Token),
            ["queues"] = () => storage.QueueService.GetPropertiesAsync(limit.Token),
        };
        var results = new Dictionary<string, string>();
        foreach (var (name, probe) in probes)
        {
            try { await probe(); results[name] = Reachable; }
            catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or OperationCanceledException or AggregateException)
            {
                results[name] = "unreachable: " + e.Message.Split('\n')[0];
            }
        }
        return results;
    }
}
