using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using ServerlessService.Core.Storage;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.Orchestrations.Tickets.Migration;

/// <summary>Reads the previous release's Workflows table; never writes it.</summary>
public sealed class PreviousReleaseStore(StorageAccount account)
{
    private readonly TableClient _table = account.Table(PreviousTables.Instances);

    /// <summary>False on a store that never ran the previous release.</summary>
    public async Task<bool> ExistsAsync(CancellationToken ct)
    {
        await foreach (var _ in account.TableService.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName eq {_table.Name}"), cancellationToken: ct))
            return true;
        return false;
    }

    /// <summary>Ids of every instance with a state row (a scan, run once at the upgrade, never on a request path).</summary>
    public async IAsyncEnumerable<string> IdsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {"state"}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: ct)) yield return e.PartitionKey;
    }

    /// <summary>One ticket's partition, read in one query.</summary>
    public async Task<PreviousTicket?> GetAsync(string id, CancellationToken ct)
    {
        TableEntity? state = null;
        var history = new List<HistoryEntry>();
        var outbox = new List<PreviousOutboxItem>();
        var events = new List<PreviousEvent>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: ct))
        {
            if (e.RowKey == "state") state = e;
            else if (e.RowKey.StartsWith("h|", StringComparison.Ordinal)) history.Add(JsonRows.FromEntity<HistoryEntry>(e));
            else if (e.RowKey.StartsWith("o|", StringComparison.Ordinal)) outbox.Add(JsonRows.FromEntity<PreviousOutboxItem>(e));
            else if (e.RowKey.StartsWith("e|", StringComparison.Ordinal)) events.Add(new PreviousEvent(e.RowKey, e.GetString("Fingerprint") ?? ""));
        }
        if (state is null) return null;
        var meta = JsonSerializer.Deserialize<PreviousMeta>(state.GetString("Meta"), JsonRows.Json)
            ?? throw new InvalidDataException($"Workflows/{id}/state has no Meta.");
        return new PreviousTicket(JsonRows.FromEntity<Ticket>(state), meta, history.OrderBy(h => h.Seq).ToList(), outbox.OrderBy(o => o.CreatedAt).ToList(), events);
    }
}
