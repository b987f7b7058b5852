using System.Text.Json;
using Azure.Data.Tables;
using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;

namespace ServerlessService.Orchestrations.Runtime;

/// <summary>A parked outbox item as operators see it.</summary>
public sealed record PoisonItem(string Id, string InstanceId, string Kind, int Attempts, string? LastError, DateTimeOffset ParkedAt);

/// <summary>Outbox items that used up their attempts: listed for admins, who may send them back to the queue.</summary>
public sealed class PoisonStore(StorageAccount account, InstanceStore store, WorkQueues queues, TimeProvider clock)
{
    private const string Pk = "poison";
    private readonly TableClient _table = account.Table(WorkflowTables.Poison);

    internal Task ParkAsync(OutboxItem item, CancellationToken ct) =>
        _table.UpsertEntityAsync(JsonRows.ToEntity(Pk, item.Id, new PoisonItem(item.Id, item.InstanceId, item.Kind, item.Attempts, item.LastError, clock.GetUtcNow())),
            TableUpdateMode.Replace, ct);

    public Task<Paged<PoisonItem>> ListAsync(PageRequest page, CancellationToken ct) =>
        TablePaging.ReadPageAsync(_table, TableClient.CreateQueryFilter($"PartitionKey eq {Pk}"), page, JsonRows.FromEntity<PoisonItem>, ct);

    /// <summary>Puts a parked item back as pending with fresh attempts and sends it to the outbox queue.</summary>
    public async Task RetryAsync(string id, CancellationToken ct)
    {
        var row = await _table.GetIfExistsAsync(Pk, id, ct) ?? throw new NotFoundException("Poison item", id);
        var parked = JsonRows.FromEntity<PoisonItem>(row);
        if (await store.GetOutboxAsync(parked.InstanceId, id, ct) is var (item, etag) && item.Status == OutboxStatus.Parked)
        {
            var pending = item with { Status = OutboxStatus.Pending, Attempts = 0, NextAttemptAt = clock.GetUtcNow() };
            if (!await store.TryReplaceOutboxAsync(pending, etag, ct)) throw new ConflictException("Item changed.", "The item changed while being retried; try again.");
        }
        await queues.SendOutboxAsync(new OutboxMessage(parked.InstanceId, id), clock.GetUtcNow(), ct);
        await _table.DeleteIfExistsAsync(Pk, id, ct);
    }
}
