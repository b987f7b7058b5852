using Azure.Data.Tables;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Identity;

public interface IStaffStore
{
    Task<StaffAccount?> GetIfExistsAsync(string username, CancellationToken ct);
    Task<bool> TryAddAsync(StaffAccount account, CancellationToken ct);
    Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken ct);
}

/// <summary>Staff are few: one partition holds them all, keyed by user name.</summary>
public sealed class TableStaffStore(StorageAccount account) : IStaffStore
{
    private const string Pk = "staff";
    private readonly TableClient _table = account.Table(TableNames.Staff);

    public async Task<StaffAccount?> GetIfExistsAsync(string username, CancellationToken ct)
    {
        var e = await _table.GetIfExistsAsync(Pk, username, ct);
        return e is null ? null : JsonRows.FromEntity<StaffAccount>(e);
    }

    public Task<bool> TryAddAsync(StaffAccount account, CancellationToken ct) => _table.TryAddAsync(JsonRows.ToEntity(Pk, account.Username, account), ct);

    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken ct) => await _table.ReadPartitionAsync<StaffAccount>(Pk, ct);
}
