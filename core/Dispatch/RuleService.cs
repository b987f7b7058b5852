using ServerlessService.Core.Common;
using ServerlessService.Core.Engineers;
using ServerlessService.Core.Sla;

namespace ServerlessService.Core.Dispatch;

/// <summary>Dispatch rules: staff read them, admins and dispatchers edit them; intake evaluates them from a short-lived cache.</summary>
public sealed class RuleService(IRuleStore store, ISlaStore sla, IEngineerStore engineers, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly Refreshing<IReadOnlyList<DispatchRule>> _cache = new(CacheFor, clock);

    public async Task<DispatchRule> CreateAsync(Caller caller, DispatchRuleInput input, CancellationToken ct)
    {
        RequireEditor(caller);
        var v = await ValidateAsync(input, ct);
        var now = clock.GetUtcNow();
        var order = v.Order ?? ((await ReadAllAsync(ct)).Select(r => r.Order).DefaultIfEmpty(0).Max() + 10);
        var rule = new DispatchRule(Ids.New("rul"), v.Name, order, v.Enabled, v.When, v.Then, v.Stop, now, now);
        await store.AddAsync(rule, ct);
        _cache.Invalidate();
        return rule;
    }

    public async Task<DispatchRule> UpdateAsync(Caller caller, string id, DispatchRuleInput input, CancellationToken ct)
    {
        RequireEditor(caller);
        var current = await FindAsync(caller, id, ct);
        var v = await ValidateAsync(input, ct);
        var rule = current.Value with
        {
            Name = v.Name, Order = v.Order ?? current.Value.Order, Enabled = v.Enabled, When = v.When, Then = v.Then, Stop = v.Stop, UpdatedAt = clock.GetUtcNow(),
        };
        await store.ReplaceAsync(rule, current.Version, ct);
        _cache.Invalidate();
        return rule;
    }

    public async Task DeleteAsync(Caller caller, string id, CancellationToken ct)
    {
        RequireEditor(caller);
        var current = await FindAsync(caller, id, ct);
        await store.DeleteAsync(id, current.Version, ct);
        _cache.Invalidate();
    }

    public async Task<DispatchRule> GetAsync(Caller caller, string id, CancellationToken ct) => (await FindAsync(caller, id, ct)).Value;

    public async Task<IReadOnlyList<DispatchRule>> ListAsync(Caller caller, CancellationToken ct)
    {
        if (!caller.Can(Permission.ReadAll)) throw new ForbiddenException("Only staff read dispatch rules.");
        return Ordered(await ReadAllAsync(ct));
    }

    /// <summary>The rules in evaluation order, for intake; an edit on this instance applies at once, elsewhere within 30 s.</summary>
    public Task<IReadOnlyList<DispatchRule>> ActiveAsync(CancellationToken ct) =>
        _cache.GetAsync(async () => (IReadOnlyList<DispatchRule>)Ordered(await ReadAllAsync(ct)));

    private async Task<DispatchRuleInput.Valid> ValidateAsync(DispatchRuleInput input, CancellationToken ct)
    {
        var v = input.Validate();
        if (v.Then.SlaPolicyId is { } policy && await sla.GetPolicyAsync(policy, ct) is null)
            throw ValidationFailedException.For("then.slaPolicyId", $"no SLA policy '{policy}' exists.");
        if (v.Then.RestrictGroup is { } lead && await engineers.GetIfExistsAsync(lead, ct) is null)
            throw ValidationFailedException.For("then.restrictGroup", $"no engineer '{lead}' exists.");
        return v;
    }

    private async Task<Stored<DispatchRule>> FindAsync(Caller caller, string id, CancellationToken ct)
    {
        if (!caller.Can(Permission.ReadAll)) throw new ForbiddenException("Only staff read dispatch rules.");
        return (Ids.LooksValid(id, "rul") ? await store.GetIfExistsAsync(id, ct) : null) ?? throw new NotFoundException("Rule", id);
    }

    private Task<IReadOnlyList<DispatchRule>> ReadAllAsync(CancellationToken ct) => store.ListAsync(ct);

    private static List<DispatchRule> Ordered(IEnumerable<DispatchRule> rules) =>
        rules.OrderBy(r => r.Order).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();

    private static void RequireEditor(Caller caller)
    {
        if (!caller.Can(Permission.EditDispatchRules)) throw new ForbiddenException("Only admins and dispatchers edit dispatch rules.");
    }
}
