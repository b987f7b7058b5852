using Azure;
using Azure.Data.Tables;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Dispatch;

/// <summary>
/// Open jobs per engineer, in the EngineerLoad table: per engineer a "load" row (Count, ETag-guarded) and one
/// "r|{ticketId}" reservation row per job, changed together in one transaction. A reservation is taken only while
/// Count is below maxConcurrentJobs, so concurrent dispatches never put an engineer over capacity; taking or
/// releasing the same reservation twice changes nothing.
/// </summary>
public sealed class EngineerLoads(StorageAccount account)
{
    private const string LoadRow = "load";
    private readonly TableClient _table = account.Table("EngineerLoad");

    /// <summary>False when the engineer is at capacity (unless forced: a dispatcher's manual assignment may overbook).</summary>
    public async Task<bool> TryReserveAsync(string engineerId, string ticketId, int max, bool force, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var load = await _table.GetIfExistsAsync(engineerId, LoadRow, ct);
            var count = load?.GetInt32("Count") ?? 0;
            if (await _table.GetIfExistsAsync(engineerId, Reservation(ticketId), ct) is not null) return true;
            if (!force && count >= max) return false;
            var next = new TableEntity(engineerId, LoadRow) { ["Count"] = count + 1 };
            TableTransactionAction[] actions =
            [
                load is null ? new(TableTransactionActionType.Add, next) : new(TableTransactionActionType.UpdateReplace, next, load.ETag),
                new(TableTransactionActionType.Add, new TableEntity(engineerId, Reservation(ticketId))),
            ];
            try
            {
                await _table.SubmitTransactionAsync(actions, ct);
                return true;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                await Task.Delay(Random.Shared.Next(1, 10 + attempt * 5), ct);
            }
        }
        throw new InvalidOperationException($"Could not reserve capacity of {engineerId}: too much contention.");
    }

    public async Task ReleaseAsync(string engineerId, string ticketId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var load = await _table.GetIfExistsAsync(engineerId, LoadRow, ct);
            if (load is null || await _table.GetIfExistsAsync(engineerId, Reservation(ticketId), ct) is null) return;
            var next = new TableEntity(engineerId, LoadRow) { ["Count"] = Math.Max(0, (load.GetInt32("Count") ?? 1) - 1) };
            try
            {
                await _table.SubmitTransactionAsync([
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, load.ETag),
                    new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(engineerId, Reservation(ticketId)), ETag.All),
                ], ct);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
            {
                await Task.Delay(Random.Shared.Next(1, 10 + attempt * 5), ct);
            }
        }
        throw new InvalidOperationException($"Could not release capacity of {engineerId}: too much contention.");
    }

    /// <summary>Open jobs of every engineer that has any; read by background dispatch, never on a request path.</summary>
    public async Task<IReadOnlyDictionary<string, int>> AllAsync(CancellationToken ct)
    {
        var loads = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {LoadRow}"), cancellationToken: ct))
            loads[e.PartitionKey] = e.GetInt32("Count") ?? 0;
        return loads;
    }

    private static string Reservation(string ticketId) => "r|" + ticketId;
}
