using Azure.Data.Tables;
using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Tickets;

/// <summary>
/// Tickets: one partition per ticket (the lifecycle's state, history and outbox will share it).
/// TicketIndex: a summary row per ticket in "all", "customer|…", "serial|…", "status|…" and "engineer|…",
/// keyed newest first, so every list filter is a single-partition range query.
/// </summary>
public sealed class TableTicketStore(StorageAccount account) : ITicketStore
{
    private const string Rk = "ticket";
    private readonly TableClient _tickets = account.Table("Tickets");
    private readonly TableClient _index = account.Table("TicketIndex");

    public async Task<Stored<Ticket>?> GetIfExistsAsync(string id, CancellationToken ct)
    {
        var e = await _tickets.GetIfExistsAsync(id, Rk, ct);
        return e is null ? null : new Stored<Ticket>(JsonRows.FromEntity<Ticket>(e), e.ETag);
    }

    public async Task<bool> TryAddAsync(Ticket ticket, CancellationToken ct)
    {
        if (!await _tickets.TryAddAsync(JsonRows.ToEntity(ticket.Id, Rk, ticket), ct)) return false;
        // Index rows live in different partitions, so no batch: write them side by side.
        await Task.WhenAll(IndexRows(ticket.Summary()).Select(row => _index.UpsertEntityAsync(row, TableUpdateMode.Replace, ct)));
        return true;
    }

    public Task<Paged<TicketSummary>> ListAsync(TicketFilter f, PageRequest page, CancellationToken ct)
    {
        var partition = f.CustomerId is not null ? "customer|" + f.CustomerId
            : f.SerialNumber is not null ? "serial|" + f.SerialNumber
            : f.EngineerId is not null ? "engineer|" + f.EngineerId
            : f.Status is not null ? "status|" + f.Status
            : "all";
        var parts = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {partition}") };
        if (f.CreatedTo is { } to) parts.Add(TableClient.CreateQueryFilter($"RowKey ge {Inverted(to)}"));
        if (f.CreatedFrom is { } from) parts.Add(TableClient.CreateQueryFilter($"RowKey lt {Inverted(from) + "|~"}"));
        if (f.Status is not null) parts.Add(TableClient.CreateQueryFilter($"Status eq {f.Status}"));
        if (f.CustomerId is not null) parts.Add(TableClient.CreateQueryFilter($"CustomerId eq {f.CustomerId}"));
        if (f.EngineerId is not null) parts.Add(TableClient.CreateQueryFilter($"EngineerId eq {f.EngineerId}"));
        if (f.SerialNumber is not null) parts.Add(TableClient.CreateQueryFilter($"SerialNumber eq {f.SerialNumber}"));
        return TablePaging.ReadPageAsync(_index, string.Join(" and ", parts), page, JsonRows.FromEntity<TicketSummary>, ct);
    }

    private static IEnumerable<TableEntity> IndexRows(TicketSummary s)
    {
        var partitions = new List<string> { "all", "customer|" + s.CustomerId, "serial|" + s.SerialNumber, "status|" + s.Status };
        if (s.AssignedEngineerId is not null) partitions.Add("engineer|" + s.AssignedEngineerId);
        var rk = Inverted(s.CreatedAt) + "|" + s.Id;
        foreach (var pk in partitions)
        {
            var row = JsonRows.ToEntity(pk, rk, s);
            row["Status"] = s.Status;
            row["CustomerId"] = s.CustomerId;
            row["EngineerId"] = s.AssignedEngineerId ?? "";
            row["SerialNumber"] = s.SerialNumber;
            yield return row;
        }
    }

    /// <summary>Newest first: row keys count down from the largest representable instant.</summary>
    private static string Inverted(DateTimeOffset t) => (DateTimeOffset.MaxValue.UtcTicks - t.UtcTicks).ToString("D19");
}
