using ServerlessService.Core.Common;

namespace ServerlessService.Core.Sla;

/// <summary>A business calendar (工作日历) as stored.</summary>
public sealed record Calendar(string Id, string Name, string TimeZone, IReadOnlyDictionary<string, IReadOnlyList<string>> Week,
    IReadOnlyList<string> Holidays, IReadOnlyList<string> WorkingDays, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public CalendarSpec Spec => new(Name, TimeZone, Week, Holidays, WorkingDays);

    public static Calendar Of(string id, CalendarSpec s, DateTimeOffset createdAt, DateTimeOffset updatedAt) =>
        new(id, s.Name, s.TimeZone, s.Week, s.Holidays, s.WorkingDays, createdAt, updatedAt);
}

/// <summary>Calendars and SLA policies as stored; a replace is guarded by the version it was read with (a lost race is a 409).</summary>
public interface ISlaStore
{
    Task AddCalendarAsync(Calendar c, CancellationToken ct);
    Task<Stored<Calendar>?> GetCalendarAsync(string id, CancellationToken ct);
    Task<IReadOnlyList<Calendar>> ListCalendarsAsync(CancellationToken ct);
    Task ReplaceCalendarAsync(Calendar c, string ifMatch, CancellationToken ct);
    Task AddPolicyAsync(SlaPolicy p, CancellationToken ct);
    Task<Stored<SlaPolicy>?> GetPolicyAsync(string id, CancellationToken ct);
    Task<IReadOnlyList<SlaPolicy>> ListPoliciesAsync(CancellationToken ct);
    Task ReplacePolicyAsync(SlaPolicy p, string ifMatch, CancellationToken ct);
}
