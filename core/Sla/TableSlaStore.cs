using Azure.Data.Tables;
using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Sla;

/// <summary>Calendars and SLA policies: few rows, each kind in one partition of the SlaConfig table.</summary>
public sealed class TableSlaStore(StorageAccount account) : ISlaStore
{
    private const string Calendars = "calendar";
    private const string Policies = "policy";
    private readonly TableClient _table = account.Table(TableNames.SlaConfig);

    public Task AddCalendarAsync(Calendar c, CancellationToken ct) => _table.AddEntityAsync(JsonRows.ToEntity(Calendars, c.Id, c), ct);

    public Task<Stored<Calendar>?> GetCalendarAsync(string id, CancellationToken ct) => GetAsync<Calendar>(Calendars, id, ct);

    public Task<IReadOnlyList<Calendar>> ListCalendarsAsync(CancellationToken ct) => ListAsync<Calendar>(Calendars, ct);

    public Task ReplaceCalendarAsync(Calendar c, string ifMatch, CancellationToken ct) =>
        ETagConflicts.GuardAsync(() => _table.UpdateEntityAsync(JsonRows.ToEntity(Calendars, c.Id, c), StoredVersions.ToETag(ifMatch), TableUpdateMode.Replace, ct), "The calendar");

    public Task AddPolicyAsync(SlaPolicy p, CancellationToken ct) => _table.AddEntityAsync(JsonRows.ToEntity(Policies, p.Id, p), ct);

    public Task<Stored<SlaPolicy>?> GetPolicyAsync(string id, CancellationToken ct) => GetAsync<SlaPolicy>(Policies, id, ct);

    public Task<IReadOnlyList<SlaPolicy>> ListPoliciesAsync(CancellationToken ct) => ListAsync<SlaPolicy>(Policies, ct);

    public Task ReplacePolicyAsync(SlaPolicy p, string ifMatch, CancellationToken ct) =>
        ETagConflicts.GuardAsync(() => _table.UpdateEntityAsync(JsonRows.ToEntity(Policies, p.Id, p), StoredVersions.ToETag(ifMatch), TableUpdateMode.Replace, ct), "The policy");

    private async Task<Stored<T>?> GetAsync<T>(string pk, string id, CancellationToken ct)
    {
        var e = await _table.GetIfExistsAsync(pk, id, ct);
        return e is null ? null : StoredVersions.ToStored<T>(e);
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string pk, CancellationToken ct) => await _table.ReadPartitionAsync<T>(pk, ct);
}
