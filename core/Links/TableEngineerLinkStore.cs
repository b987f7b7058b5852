using Azure;
using Azure.Data.Tables;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Links;

/// <summary>The EngineerLinks table: row (code, "link") and an index row ("ticket|{id}", code) with the engineer's id.</summary>
public sealed class TableEngineerLinkStore(StorageAccount account) : IEngineerLinkStore
{
    private const string LinkRow = "link";
    private readonly TableClient _table = account.Table(TableNames.EngineerLinks);

    public async Task<EngineerLink> AddOrGetAsync(EngineerLink link, CancellationToken ct)
    {
        // The index row first, so a link that exists can always be found (and revoked) from its ticket.
        await _table.UpsertEntityAsync(new TableEntity(TicketPartition(link.TicketId), link.Code) { ["EngineerId"] = link.EngineerId }, TableUpdateMode.Replace, ct);
        if (await _table.TryAddAsync(JsonRows.ToEntity(link.Code, LinkRow, link), ct)) return link;
        return (await GetIfExistsAsync(link.Code, ct))!;
    }

    public async Task<EngineerLink?> GetIfExistsAsync(string code, CancellationToken ct) =>
        await _table.GetIfExistsAsync(code, LinkRow, ct) is { } row ? JsonRows.FromEntity<EngineerLink>(row) : null;

    public async Task<IReadOnlyList<EngineerLink>> ListAsync(string ticketId, string engineerId, CancellationToken ct)
    {
        var links = new List<EngineerLink>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TicketPartition(ticketId)} and EngineerId eq {engineerId}");
        await foreach (var index in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            if (await GetIfExistsAsync(index.RowKey, ct) is { } link) links.Add(link);
        return links;
    }

    public Task ReplaceAsync(EngineerLink link, CancellationToken ct) =>
        _table.UpdateEntityAsync(JsonRows.ToEntity(link.Code, LinkRow, link), ETag.All, TableUpdateMode.Replace, ct);

    private static string TicketPartition(string ticketId) => "ticket|" + ticketId;
}
