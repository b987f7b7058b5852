using Azure;
using Azure.Data.Tables;
using ServerlessService.Core.Storage;

namespace ServerlessService.Orchestrations.Runtime;

/// <summary>Reads of instance partitions; writes go through <see cref="WorkflowRuntime"/> as transactions.</summary>
public sealed class InstanceStore(StorageAccount account)
{
    internal TableClient Table { get; } = account.Table(WorkflowTables.Instances);

    public async Task<Instance<T>?> GetIfExistsAsync<T>(string id, CancellationToken ct)
    {
        var e = await Table.GetIfExistsAsync(id, InstanceRows.State, ct);
        return e is null ? null : InstanceRows.ToInstance<T>(e);
    }

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string id, CancellationToken ct)
    {
        var list = new List<HistoryEntry>();
        var filter = RangeFilter(id, InstanceRows.HistoryPrefix);
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) list.Add(JsonRows.FromEntity<HistoryEntry>(e));
        return list;
    }

    public async Task<IReadOnlyList<OutboxItem>> OutboxAsync(string id, CancellationToken ct)
    {
        var list = new List<OutboxItem>();
        await foreach (var e in Table.QueryAsync<TableEntity>(RangeFilter(id, InstanceRows.OutboxPrefix), cancellationToken: ct))
            list.Add(InstanceRows.ToOutbox(e));
        return list;
    }

    internal async Task<(OutboxItem Item, ETag ETag)?> GetOutboxAsync(string instanceId, string outboxId, CancellationToken ct)
    {
        var e = await Table.GetIfExistsAsync(instanceId, InstanceRows.OutboxKey(outboxId), ct);
        return e is null ? null : (InstanceRows.ToOutbox(e), e.ETag);
    }

    internal async Task<bool> TryReplaceOutboxAsync(OutboxItem item, ETag etag, CancellationToken ct)
    {
        try
        {
            await Table.UpdateEntityAsync(InstanceRows.OutboxRow(item), etag, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    internal async Task<TableEntity?> GetEventAsync(string instanceId, string eventId, CancellationToken ct) =>
        await Table.GetIfExistsAsync(instanceId, InstanceRows.EventKey(eventId), ct);

    private static string RangeFilter(string id, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey ge {prefix} and RowKey lt {InstanceRows.End(prefix)}");
}
