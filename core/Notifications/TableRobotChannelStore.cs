using Azure.Data.Tables;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Notifications;

/// <summary>The Channels table: robots in partition "robot", a row per name.</summary>
public sealed class TableRobotChannelStore(StorageAccount account) : IRobotChannelStore
{
    private const string Pk = "robot";
    private readonly TableClient _table = account.Table(TableNames.Channels);

    public async Task<IReadOnlyList<RobotChannel>> ListAsync(CancellationToken ct) => await _table.ReadPartitionAsync<RobotChannel>(Pk, ct);

    public Task SaveAsync(RobotChannel robot, CancellationToken ct) =>
        _table.UpsertEntityAsync(JsonRows.ToEntity(Pk, robot.Name, robot), TableUpdateMode.Replace, ct);

    public async Task<bool> DeleteIfExistsAsync(string name, CancellationToken ct)
    {
        if (await _table.GetIfExistsAsync(Pk, name, ct) is null) return false;
        await _table.DeleteIfExistsAsync(Pk, name, ct);
        return true;
    }
}
