using Azure.Data.Tables;
using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Tickets;

/// <summary>
/// The TicketIndex table: a summary row per ticket in "all", "customer|…", "serial|…", "status|…" and "engineer|…",
/// and while it is unresolved and its SLA is in warning or breach, in "sla|warning" or "sla|breached" (the
/// escalations inbox). Keyed newest first, so every list filter is a single-partition range query. Rows are derived
/// from the ticket and written idempotently by the lifecycle's outbox, so a lost write is repaired by the retry.
/// </summary>
public sealed class TicketIndex(StorageAccount account)
{
    private readonly TableClient _index = account.Table(TableNames.TicketIndex);

    public Task<Paged<TicketSummary>> ListAsync(TicketFilter f, PageRequest page, CancellationToken ct)
    {
        var partition = f.CustomerId is not null ? "customer|" + f.CustomerId
            : f.SerialNumber is not null ? "serial|" + f.SerialNumber
            : f.EngineerId is not null ? "engineer|" + f.EngineerId
            : f.Status is not null ? "status|" + f.Status
            : f.SlaState is not null ? "sla|" + f.SlaState
            : "all";
        var parts = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {partition}") };
        if (f.CreatedTo is { } to) parts.Add(TableClient.CreateQueryFilter($"RowKey ge {Inverted(to)}"));
        if (f.CreatedFrom is { } from) parts.Add(TableClient.CreateQueryFilter($"RowKey lt {Inverted(from) + "|~"}"));
        if (f.Status is not null) parts.Add(TableClient.CreateQueryFilter($"Status eq {f.Status.ToString()}"));
        if (f.CustomerId is not null) parts.Add(TableClient.CreateQueryFilter($"CustomerId eq {f.CustomerId}"));
        if (f.EngineerId is not null) parts.Add(TableClient.CreateQueryFilter($"EngineerId eq {f.EngineerId}"));
        if (f.SerialNumber is not null) parts.Add(TableClient.CreateQueryFilter($"SerialNumber eq {f.SerialNumber}"));
        if (f.SlaState is not null) parts.Add(TableClient.CreateQueryFilter($"SlaState eq {f.SlaState}"));
        return TablePaging.ReadPageAsync(_index, string.Join(" and ", parts), page, e => JsonRows.FromEntity<TicketSummary>(e).AsRead(), ct);
    }

    /// <summary>The partitions a ticket belongs in now; a step that changes status or engineer names the old ones as stale.</summary>
    public static IReadOnlyList<string> PartitionsOf(TicketSummary s)
    {
        var partitions = new List<string> { "all", "customer|" + s.CustomerId, "serial|" + s.SerialNumber, "status|" + s.Status };
        if (s.AssignedEngineerId is not null) partitions.Add("engineer|" + s.AssignedEngineerId);
        if (NeedsAttention(s)) partitions.Add("sla|" + s.SlaState);
        return partitions;
    }

    /// <summary>Work not yet resolved whose SLA is in warning or breach; once resolved, the breach is history, not a task.</summary>
    private static bool NeedsAttention(TicketSummary s) =>
        s.SlaState is { } state && TicketFilter.AttentionStates.Contains(state)
        && !s.Status.IsDone();

    /// <summary>Writes the rows for the ticket as it is now and removes it from partitions it left.</summary>
    public async Task SyncAsync(TicketSummary s, IEnumerable<string> stalePartitions, CancellationToken ct)
    {
        var current = PartitionsOf(s);
        var rk = Inverted(s.CreatedAt) + "|" + s.Id;
        var writes = current.Select(pk => _index.UpsertEntityAsync(Row(pk, rk, s), TableUpdateMode.Replace, ct));
        var deletes = stalePartitions.Except(current).Select(pk => _index.DeleteIfExistsAsync(pk, rk, ct));
        await Task.WhenAll(writes.Concat(deletes));
    }

    private static TableEntity Row(string pk, string rk, TicketSummary s)
    {
        var row = JsonRows.ToEntity(pk, rk, s);
        row["Status"] = s.Status.ToString();
        row["CustomerId"] = s.CustomerId;
        row["EngineerId"] = s.AssignedEngineerId ?? "";
        row["SerialNumber"] = s.SerialNumber;
        row["SlaState"] = s.SlaState ?? "";
        return row;
    }

    /// <summary>Newest first: row keys count down from the largest representable instant.</summary>
    private static string Inverted(DateTimeOffset t) => (DateTimeOffset.MaxValue.UtcTicks - t.UtcTicks).ToString("D19");
}
