using Azure.Data.Tables;
using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Dispatch;

/// <summary>All rules in one partition of the Rules table, a row per rule id.</summary>
public sealed class TableRuleStore(StorageAccount account) : IRuleStore
{
    private const string Pk = "rule";
    private readonly TableClient _table = account.Table(TableNames.Rules);

    public Task AddAsync(DispatchRule rule, CancellationToken ct) => _table.AddEntityAsync(JsonRows.ToEntity(Pk, rule.Id, rule), ct);

    public async Task<Stored<DispatchRule>?> GetIfExistsAsync(string id, CancellationToken ct) =>
        await _table.GetIfExistsAsync(Pk, id, ct) is { } e ? StoredVersions.ToStored<DispatchRule>(e) : null;

    public async Task<IReadOnlyList<DispatchRule>> ListAsync(CancellationToken ct) => await _table.ReadPartitionAsync<DispatchRule>(Pk, ct);

    public Task ReplaceAsync(DispatchRule rule, string ifMatch, CancellationToken ct) =>
        ETagConflicts.GuardAsync(() => _table.UpdateEntityAsync(JsonRows.ToEntity(Pk, rule.Id, rule), StoredVersions.ToETag(ifMatch), TableUpdateMode.Replace, ct), "The rule");

    public Task DeleteAsync(string id, string ifMatch, CancellationToken ct) =>
        ETagConflicts.GuardAsync(() => _table.DeleteEntityAsync(Pk, id, StoredVersions.ToETag(ifMatch), ct), "The rule");
}
