using Azure.Data.Tables;
using ServerlessService.Core.Storage;

namespace ServerlessService.Orchestrations.Runtime;

/// <summary>
/// Instances that may still hold timers or outbox work, marked before their first commit and unmarked by the
/// sweep once they are complete and idle. Spread over a few partitions so marking never contends on one.
/// </summary>
public sealed class ActiveInstances(StorageAccount account)
{
    public const int Shards = 8;
    private readonly TableClient _table = account.Table(WorkflowTables.Active);

    internal Task MarkAsync(string id, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(Shard(id), id), TableUpdateMode.Replace, ct);

    internal async IAsyncEnumerable<(string Id, DateTimeOffset MarkedAt)> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        for (var s = 0; s < Shards; s++)
            await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"a" + s}"), select: ["RowKey"], cancellationToken: ct))
                yield return (e.RowKey, e.Timestamp ?? DateTimeOffset.MinValue);
    }

    internal Task UnmarkAsync(string id, CancellationToken ct) => _table.DeleteIfExistsAsync(Shard(id), id, ct);

    private static string Shard(string id)
    {
        var h = 0u;
        foreach (var c in id) h = h * 31 + c;
        return "a" + (h % Shards);
    }
}
