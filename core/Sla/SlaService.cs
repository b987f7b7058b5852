using System.Collections.Concurrent;
using System.Globalization;
using ServerlessService.Core.Common;

namespace ServerlessService.Core.Sla;

/// <summary>Policies and calendars as of now; Specs are the calendars as data (what a durable step records).</summary>
public sealed record SlaSnapshot(IReadOnlyList<SlaPolicy> Policies, IReadOnlyDictionary<string, BusinessCalendar> Calendars,
    IReadOnlyDictionary<string, CalendarSpec> Specs);

/// <summary>Business calendars and SLA policies: admins and managers edit them, staff read them.</summary>
public sealed class SlaService(ISlaStore store, TimeProvider clock)
{
    /// <summary>Calendars change rarely; other app instances see an edit within this time.</summary>
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (BusinessCalendar Calendar, DateTimeOffset LoadedAt)> _calendars = new();
    private readonly Refreshing<SlaSnapshot> _snapshot = new(CacheFor, clock);

    /// <summary>All policies in match order and all calendars, for lifecycle steps (which must not do I/O); cached briefly.</summary>
    public Task<SlaSnapshot> SnapshotAsync(CancellationToken ct) => _snapshot.GetAsync(async () =>
    {
        var calendars = await store.ListCalendarsAsync(ct);
        return new SlaSnapshot(Ordered(await store.ListPoliciesAsync(ct)),
            calendars.ToDictionary(c => c.Id, c => BusinessCalendar.From(c.Spec)), calendars.ToDictionary(c => c.Id, c => c.Spec));
    });

    public async Task<Calendar> CreateCalendarAsync(Caller caller, CalendarInput input, CancellationToken ct)
    {
        RequireEditor(caller);
        var spec = input.Validate();
        var now = clock.GetUtcNow();
        var c = Calendar.Of(Ids.New("cal"), spec, now, now);
        await store.AddCalendarAsync(c, ct);
        _snapshot.Invalidate();
        return c;
    }

    public async Task<Calendar> UpdateCalendarAsync(Caller caller, string id, CalendarInput input, CancellationToken ct)
    {
        RequireEditor(caller);
        var spec = input.Validate();
        var current = await FindCalendarAsync(caller, id, ct);
        var c = Calendar.Of(id, spec, current.Value.CreatedAt, clock.GetUtcNow());
        await store.ReplaceCalendarAsync(c, current.Version, ct);
        _calendars[id] = (BusinessCalendar.From(spec), clock.GetUtcNow());
        _snapshot.Invalidate();
        return c;
    }

    public async Task<Calendar> GetCalendarAsync(Caller caller, string id, CancellationToken ct) => (await FindCalendarAsync(caller, id, ct)).Value;

    public Task<IReadOnlyList<Calendar>> ListCalendarsAsync(Caller caller, CancellationToken ct)
    {
        RequireStaff(caller);
        return store.ListCalendarsAsync(ct);
    }

    /// <summary>Previews when a target of <paramref name="minutes"/> business minutes started at <paramref name="start"/> falls due.</summary>
    public async Task<DateTimeOffset> DueAsync(Caller caller, string id, string? start, string? minutes, CancellationToken ct)
    {
        var check = new Check();
        if (!DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) || !HasOffset(start!))
            check.Add("start", "must be an ISO 8601 time with an offset, e.g. 2026-10-09T17:00:00+08:00.");
        if (!int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 5_256_000)
            check.Add("minutes", "must be a whole number of minutes from 0 to 5256000 (10 years).");
        check.ThrowIfAny();
        var calendar = BusinessCalendar.From((await FindCalendarAsync(caller, id, ct)).Value.Spec);
        return calendar.Add(from, TimeSpan.FromMinutes(n));
    }

    /// <summary>The calendar a clock counts on; null is 24×7, and so is a calendar that no longer exists.</summary>
    public async Task<BusinessCalendar> CalendarAsync(string? id, CancellationToken ct)
    {
        if (id is null) return BusinessCalendar.AlwaysOpen;
        if (_calendars.TryGetValue(id, out var hit) && clock.GetUtcNow() - hit.LoadedAt < CacheFor) return hit.Calendar;
        var stored = await store.GetCalendarAsync(id, ct);
        var calendar = stored is null ? BusinessCalendar.AlwaysOpen : BusinessCalendar.From(stored.Value.Spec);
        _calendars[id] = (calendar, clock.GetUtcNow());
        return calendar;
    }

    public async Task<SlaPolicy> CreatePolicyAsync(Caller caller, SlaPolicyInput input, CancellationToken ct)
    {
        RequireEditor(caller);
        var v = input.Validate();
        await RequireCalendarAsync(v.CalendarId, ct);
        var order = v.Order ?? ((await store.ListPoliciesAsync(ct)).Select(p => p.Order).DefaultIfEmpty(0).Max() + 10);
        var now = clock.GetUtcNow();
        var p = new SlaPolicy(Ids.New("sla"), v.Name, order, v.Match, v.CalendarId, v.Targets, v.WarnAt, v.Escalations, now, now);
        await store.AddPolicyAsync(p, ct);
        _snapshot.Invalidate();
        return p;
    }

    public async Task<SlaPolicy> UpdatePolicyAsync(Caller caller, string id, SlaPolicyInput input, CancellationToken ct)
    {
        RequireEditor(caller);
        var v = input.Validate();
        var current = await FindPolicyAsync(caller, id, ct);
        await RequireCalendarAsync(v.CalendarId, ct);
        var p = current.Value with
        {
            Name = v.Name, Order = v.Order ?? current.Value.Order, Match = v.Match, CalendarId = v.CalendarId, Targets = v.Targets,
            WarnAt = v.WarnAt, Escalations = v.Escalations, UpdatedAt = clock.GetUtcNow(),
        };
        await store.ReplacePolicyAsync(p, current.Version, ct);
        _snapshot.Invalidate();
        return p;
    }

    public async Task<SlaPolicy> GetPolicyAsync(Caller caller, string id, CancellationToken ct) => (await FindPolicyAsync(caller, id, ct)).Value;

    public async Task<IReadOnlyList<SlaPolicy>> ListPoliciesAsync(Caller caller, CancellationToken ct)
    {
        RequireStaff(caller);
        return Ordered(await store.ListPoliciesAsync(ct));
    }

    /// <summary>The first policy, in order, whose match covers the ticket; null when none does.</summary>
    public async Task<SlaPolicy?> MatchAsync(string priority, string? customerTier, string? productLine, CancellationToken ct) =>
        Ordered(await store.ListPoliciesAsync(ct)).FirstOrDefault(p => p.Match.Covers(priority, customerTier, productLine));

    private static List<SlaPolicy> Ordered(IEnumerable<SlaPolicy> policies) =>
        policies.OrderBy(p => p.Order).ThenBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();

    private async Task RequireCalendarAsync(string? id, CancellationToken ct)
    {
        if (id is not null && await store.GetCalendarAsync(id, ct) is null) throw ValidationFailedException.For("calendarId", $"no calendar '{id}' exists.");
    }

    private async Task<Common.Stored<Calendar>> FindCalendarAsync(Caller caller, string id, CancellationToken ct)
    {
        RequireStaff(caller);
        return (Ids.LooksValid(id, "cal") ? await store.GetCalendarAsync(id, ct) : null) ?? throw new NotFoundException("Calendar", id);
    }

    private async Task<Common.Stored<SlaPolicy>> FindPolicyAsync(Caller caller, string id, CancellationToken ct)
    {
        RequireStaff(caller);
        return (Ids.LooksValid(id, "sla") ? await store.GetPolicyAsync(id, ct) : null) ?? throw new NotFoundException("SLA policy", id);
    }

    private static bool HasOffset(string s) => s.EndsWith('Z') || s.EndsWith('z') || s.Length > 6 && s[^6] is '+' or '-';

    private static void RequireStaff(Caller caller)
    {
        if (!caller.Can(Permission.ReadAll)) throw new ForbiddenException("Only staff read calendars and SLA policies.");
    }

    private static void RequireEditor(Caller caller)
    {
        if (!caller.Can(Permission.EditSlaConfiguration)) throw new ForbiddenException("Only admins and managers edit calendars and SLA policies.");
    }
}
