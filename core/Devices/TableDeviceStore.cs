using Azure.Data.Tables;
using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Devices;

/// <summary>Row per serial number, plus copies under "all" and "customer|{id}" for listing.</summary>
public sealed class TableDeviceStore(StorageAccount account) : IDeviceStore
{
    private const string Rk = "device";
    private const string AllPartition = "all";
    private readonly TableClient _table = account.Table(TableNames.Devices);

    public async Task<Stored<Device>?> GetIfExistsAsync(string serialNumber, CancellationToken ct)
    {
        var e = await _table.GetIfExistsAsync(serialNumber, Rk, ct);
        return e is null ? null : StoredVersions.ToStored<Device>(e);
    }

    public async Task<bool> TryAddAsync(Device device, CancellationToken ct)
    {
        if (!await _table.TryAddAsync(JsonRows.ToEntity(device.SerialNumber, Rk, device), ct)) return false;
        await WriteListRowsAsync(device, ct);
        return true;
    }

    public async Task UpdateAsync(Device previous, Device updated, string ifMatch, CancellationToken ct)
    {
        var row = JsonRows.ToEntity(updated.SerialNumber, Rk, updated);
        await ETagConflicts.GuardAsync(() => _table.UpdateEntityAsync(row, StoredVersions.ToETag(ifMatch), TableUpdateMode.Replace, ct), "The device");
        if (previous.CustomerId != updated.CustomerId)
            await _table.DeleteIfExistsAsync(CustomerPartition(previous.CustomerId), previous.SerialNumber, ct);
        await WriteListRowsAsync(updated, ct);
    }

    public Task<Paged<Device>> ListAsync(string? customerId, PageRequest page, CancellationToken ct)
    {
        var pk = customerId is null ? AllPartition : CustomerPartition(customerId);
        return TablePaging.ReadPageAsync(_table, TableClient.CreateQueryFilter($"PartitionKey eq {pk}"), page, JsonRows.FromEntity<Device>, ct);
    }

    private static string CustomerPartition(string customerId) => "customer|" + customerId;

    private async Task WriteListRowsAsync(Device d, CancellationToken ct)
    {
        await _table.UpsertEntityAsync(JsonRows.ToEntity(AllPartition, d.SerialNumber, d), TableUpdateMode.Replace, ct);
        await _table.UpsertEntityAsync(JsonRows.ToEntity(CustomerPartition(d.CustomerId), d.SerialNumber, d), TableUpdateMode.Replace, ct);
    }
}
