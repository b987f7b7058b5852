using Azure;
using Azure.Data.Tables;
using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Sla;

/// <summary>A business calendar (工作日历) as stored.</summary>
public sealed record Calendar(string Id, string Name, string TimeZone, IReadOnlyDictionary<string, IReadOnlyList<string>> Week,
    IReadOnlyList<string> Holidays, IReadOnlyList<string> WorkingDays, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public CalendarSpec Spec => new(Name, TimeZone, Week, Holidays, WorkingDays);

    public static Calendar Of(string id, CalendarSpec s, DateTimeOffset createdAt, DateTimeOffset updatedAt) =>
        new(id, s.Name, s.TimeZone, s.Week, s.Holidays, s.WorkingDays, createdAt, updatedAt);
}

/// <summary>Calendars and SLA policies: few rows, each kind in one partition of the SlaConfig table.</summary>
public sealed class SlaStore(StorageAccount account)
{
    private const string Calendars = "calendar";
    private const string Policies = "policy";
    private readonly TableClient _table = account.Table("SlaConfig");

    public Task AddCalendarAsync(Calendar c, CancellationToken ct) => _table.AddEntityAsync(JsonRows.ToEntity(Calendars, c.Id, c), ct);

    public Task<Stored<Calendar>?> GetCalendarAsync(string id, CancellationToken ct) => GetAsync<Calendar>(Calendars, id, ct);

    public Task<IReadOnlyList<Calendar>> ListCalendarsAsync(CancellationToken ct) => ListAsync<Calendar>(Calendars, ct);

    public Task ReplaceCalendarAsync(Calendar c, ETag etag, CancellationToken ct) =>
        ETagConflicts.GuardAsync(() => _table.UpdateEntityAsync(JsonRows.ToEntity(Calendars, c.Id, c), etag, TableUpdateMode.Replace, ct), "The calendar");

    public Task AddPolicyAsync(SlaPolicy p, CancellationToken ct) => _table.AddEntityAsync(JsonRows.ToEntity(Policies, p.Id, p), ct);

    public Task<Stored<SlaPolicy>?> GetPolicyAsync(string id, CancellationToken ct) => GetAsync<SlaPolicy>(Policies, id, ct);

    public Task<IReadOnlyList<SlaPolicy>> ListPoliciesAsync(CancellationToken ct) => ListAsync<SlaPolicy>(Policies, ct);

    public Task ReplacePolicyAsync(SlaPolicy p, ETag etag, CancellationToken ct) =>
        ETagConflicts.GuardAsync(() => _table.UpdateEntityAsync(JsonRows.ToEntity(Policies, p.Id, p), etag, TableUpdateMode.Replace, ct), "The policy");

    private async Task<Stored<T>?> GetAsync<T>(string pk, string id, CancellationToken ct)
    {
        var e = await _table.GetIfExistsAsync(pk, id, ct);
        return e is null ? null : new Stored<T>(JsonRows.FromEntity<T>(e), e.ETag);
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string pk, CancellationToken ct) => await _table.ReadPartitionAsync<T>(pk, ct);
}
