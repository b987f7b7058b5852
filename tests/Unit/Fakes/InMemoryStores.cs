using ServerlessService.Core.Common;
using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Engineers;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Sla;

namespace ServerlessService.UnitTests.Fakes;

/// <summary>Rules in memory, versioned like the table: a write with a stale version is a 409.</summary>
public sealed class InMemoryRuleStore : IRuleStore
{
    private readonly Dictionary<string, Stored<DispatchRule>> _rows = [];
    private int _version;

    public int Writes { get; private set; }

    public Task AddAsync(DispatchRule rule, CancellationToken ct)
    {
        if (_rows.ContainsKey(rule.Id)) throw new InvalidOperationException("duplicate rule id");
        Put(rule);
        return Task.CompletedTask;
    }

    public Task<Stored<DispatchRule>?> GetIfExistsAsync(string id, CancellationToken ct) => Task.FromResult(_rows.GetValueOrDefault(id));

    public Task<IReadOnlyList<DispatchRule>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<DispatchRule>>(_rows.Values.Select(r => r.Value).ToList());

    public Task ReplaceAsync(DispatchRule rule, string ifMatch, CancellationToken ct)
    {
        Guard(rule.Id, ifMatch);
        Put(rule);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string id, string ifMatch, CancellationToken ct)
    {
        Guard(id, ifMatch);
        _rows.Remove(id);
        Writes++;
        return Task.CompletedTask;
    }

    /// <summary>Another instance's edit: written straight to storage, this instance's cache does not know.</summary>
    public void PutFromElsewhere(DispatchRule rule) => Put(rule);

    private void Put(DispatchRule rule)
    {
        _rows[rule.Id] = new Stored<DispatchRule>(rule, (++_version).ToString());
        Writes++;
    }

    private void Guard(string id, string ifMatch)
    {
        if (!_rows.TryGetValue(id, out var row) || row.Version != ifMatch) throw new ConflictException("The rule was changed by someone else.", "");
    }
}

/// <summary>Template texts in memory.</summary>
public sealed class InMemoryTemplateStore : ITemplateStore
{
    public Dictionary<(string Event, string Language), string> Rows { get; } = [];

    public Task<string?> GetTextAsync(string ev, string language, CancellationToken ct) => Task.FromResult(Rows.GetValueOrDefault((ev, language)));

    public Task<IReadOnlyDictionary<(string Event, string Language), string>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<(string Event, string Language), string>>(new Dictionary<(string, string), string>(Rows));

    public Task SaveAsync(string ev, string language, string text, CancellationToken ct)
    {
        Rows[(ev, language)] = text;
        return Task.CompletedTask;
    }

    public Task DeleteIfExistsAsync(string ev, string language, CancellationToken ct)
    {
        Rows.Remove((ev, language));
        return Task.CompletedTask;
    }
}

/// <summary>Loads in memory with the table's rules: the count and the reservation change together, guarded by the count's version.</summary>
public sealed class InMemoryEngineerLoadStore : IEngineerLoadStore
{
    private readonly Dictionary<string, Stored<int>> _loads = [];
    private readonly HashSet<(string, string)> _reservations = [];
    private int _version;

    /// <summary>Runs once just before the next reserve is committed: another dispatcher getting there first.</summary>
    public Action? BeforeNextReserve { get; set; }

    public int CountOf(string engineerId) => _loads.GetValueOrDefault(engineerId)?.Value ?? 0;

    public Task<Stored<int>?> GetLoadAsync(string engineerId, CancellationToken ct) => Task.FromResult(_loads.GetValueOrDefault(engineerId));

    public Task<bool> HasReservationAsync(string engineerId, string ticketId, CancellationToken ct) => Task.FromResult(_reservations.Contains((engineerId, ticketId)));

    public Task<bool> TryReserveAsync(string engineerId, string ticketId, Stored<int>? load, int count, CancellationToken ct)
    {
        var race = BeforeNextReserve;
        BeforeNextReserve = null;
        race?.Invoke();
        if (_loads.GetValueOrDefault(engineerId)?.Version != load?.Version || _reservations.Contains((engineerId, ticketId))) return Task.FromResult(false);
        _loads[engineerId] = new Stored<int>(count, (++_version).ToString());
        _reservations.Add((engineerId, ticketId));
        return Task.FromResult(true);
    }

    public Task<bool> TryReleaseAsync(string engineerId, string ticketId, Stored<int> load, int count, CancellationToken ct)
    {
        if (_loads.GetValueOrDefault(engineerId)?.Version != load.Version || !_reservations.Remove((engineerId, ticketId))) return Task.FromResult(false);
        _loads[engineerId] = new Stored<int>(count, (++_version).ToString());
        return Task.FromResult(true);
    }

    public Task<IReadOnlyDictionary<string, int>> AllAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(_loads.ToDictionary(l => l.Key, l => l.Value.Value));

    /// <summary>A reservation taken by another dispatcher.</summary>
    public void ReserveFromElsewhere(string engineerId, string ticketId)
    {
        _loads[engineerId] = new Stored<int>(CountOf(engineerId) + 1, (++_version).ToString());
        _reservations.Add((engineerId, ticketId));
    }
}

/// <summary>No calendars or policies.</summary>
public sealed class EmptySlaStore : ISlaStore
{
    public Task AddCalendarAsync(Calendar c, CancellationToken ct) => throw new NotSupportedException();
    public Task<Stored<Calendar>?> GetCalendarAsync(string id, CancellationToken ct) => Task.FromResult<Stored<Calendar>?>(null);
    public Task<IReadOnlyList<Calendar>> ListCalendarsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<Calendar>>([]);
    public Task ReplaceCalendarAsync(Calendar c, string ifMatch, CancellationToken ct) => throw new NotSupportedException();
    public Task AddPolicyAsync(SlaPolicy p, CancellationToken ct) => throw new NotSupportedException();
    public Task<Stored<SlaPolicy>?> GetPolicyAsync(string id, CancellationToken ct) => Task.FromResult<Stored<SlaPolicy>?>(null);
    public Task<IReadOnlyList<SlaPolicy>> ListPoliciesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<SlaPolicy>>([]);
    public Task ReplacePolicyAsync(SlaPolicy p, string ifMatch, CancellationToken ct) => throw new NotSupportedException();
}

/// <summary>No engineers.</summary>
public sealed class EmptyEngineerStore : IEngineerStore
{
    public Task<Stored<Engineer>?> GetIfExistsAsync(string id, CancellationToken ct) => Task.FromResult<Stored<Engineer>?>(null);
    public Task<string?> FindIdByPhoneAsync(string e164, CancellationToken ct) => Task.FromResult<string?>(null);
    public Task<bool> TryAddAsync(Engineer engineer, CancellationToken ct) => throw new NotSupportedException();
    public Task<bool> TryUpdateAsync(Engineer previous, Engineer updated, string ifMatch, CancellationToken ct) => throw new NotSupportedException();
    public Task<Paged<Engineer>> ListAsync(string? namePrefix, PageRequest page, CancellationToken ct) => Task.FromResult(new Paged<Engineer>([], null));
}

/// <summary>A clock the test moves.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
    public void Advance(TimeSpan by) => Now += by;
}
