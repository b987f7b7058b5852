using Azure;
using Azure.Data.Tables;
using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Dispatch;

/// <summary>
/// The EngineerLoad table: per engineer (PK) a "load" row (Count, ETag-guarded) and one "r|{ticketId}" reservation row
/// per job, changed together in one entity-group transaction.
/// </summary>
public sealed class TableEngineerLoadStore(StorageAccount account) : IEngineerLoadStore
{
    private const string LoadRow = "load";
    private readonly TableClient _table = account.Table(TableNames.EngineerLoad);

    public async Task<Stored<int>?> GetLoadAsync(string engineerId, CancellationToken ct) =>
        await _table.GetIfExistsAsync(engineerId, LoadRow, ct) is { } e ? new Stored<int>(e.GetInt32("Count") ?? 0, StoredVersions.FromETag(e.ETag)) : null;

    public async Task<bool> HasReservationAsync(string engineerId, string ticketId, CancellationToken ct) =>
        await _table.GetIfExistsAsync(engineerId, Reservation(ticketId), ct) is not null;

    public async Task<bool> TryReserveAsync(string engineerId, string ticketId, Stored<int>? load, int count, CancellationToken ct)
    {
        var next = new TableEntity(engineerId, LoadRow) { ["Count"] = count };
        TableTransactionAction[] actions =
        [
            load is null ? new(TableTransactionActionType.Add, next) : new(TableTransactionActionType.UpdateReplace, next, StoredVersions.ToETag(load.Version)),
            new(TableTransactionActionType.Add, new TableEntity(engineerId, Reservation(ticketId))),
        ];
        try
        {
            await _table.SubmitTransactionAsync(actions, ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<bool> TryReleaseAsync(string engineerId, string ticketId, Stored<int> load, int count, CancellationToken ct)
    {
        try
        {
            await _table.SubmitTransactionAsync([
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity(engineerId, LoadRow) { ["Count"] = count }, StoredVersions.ToETag(load.Version)),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(engineerId, Reservation(ticketId)), ETag.All),
            ], ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    public async Task<IReadOnlyDictionary<string, int>> AllAsync(CancellationToken ct)
    {
        var loads = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {LoadRow}"), cancellationToken: ct))
            loads[e.PartitionKey] = e.GetInt32("Count") ?? 0;
        return loads;
    }

    private static string Reservation(string ticketId) => "r|" + ticketId;
}
