using Azure.Data.Tables;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Notifications;

/// <summary>The Templates table: a row (event, language) with the admin's Text.</summary>
public sealed class TableTemplateStore(StorageAccount account) : ITemplateStore
{
    private readonly TableClient _table = account.Table(TableNames.Templates);

    public async Task<string?> GetTextAsync(string ev, string language, CancellationToken ct) =>
        (await _table.GetIfExistsAsync(ev, language, ct))?.GetString("Text");

    public async Task<IReadOnlyDictionary<(string Event, string Language), string>> ListAsync(CancellationToken ct)
    {
        // A few dozen rows at most (events × languages): the whole table is one small read.
        var stored = new Dictionary<(string, string), string>();
        await foreach (var e in _table.QueryAsync<TableEntity>(cancellationToken: ct)) stored[(e.PartitionKey, e.RowKey)] = e.GetString("Text");
        return stored;
    }

    public Task SaveAsync(string ev, string language, string text, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(ev, language) { ["Text"] = text }, TableUpdateMode.Replace, ct);

    public Task DeleteIfExistsAsync(string ev, string language, CancellationToken ct) => _table.DeleteIfExistsAsync(ev, language, ct);
}
