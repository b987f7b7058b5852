namespace ServerlessService.Core.Dispatch;

/// <summary>What a rule tests; every field given must match (any of its values), an absent field matches anything.</summary>
public sealed record RuleConditions(
    IReadOnlyList<string>? FaultCategories = null,
    IReadOnlyList<string>? ProductLines = null,
    IReadOnlyList<string>? RegionPrefixes = null,
    IReadOnlyList<string>? CustomerTiers = null,
    IReadOnlyList<string>? Priorities = null,
    IReadOnlyList<string>? Warranty = null,
    IReadOnlyList<string>? Keywords = null);

/// <summary>A skill an engineer must have, at least at this level (1–5).</summary>
public sealed record SkillRequirement(string ProductLine, int MinLevel);

/// <summary>What a rule does when it matches.</summary>
public sealed record RuleActions(
    string? SetPriority = null,
    SkillRequirement? RequireSkill = null,
    IReadOnlyList<string>? RestrictRegions = null,
    string? RestrictGroup = null,
    string? SlaPolicyId = null,
    bool HoldForManual = false);

/// <summary>A dispatch rule (派单规则): tried in order at intake; every matching rule applies, a later one overriding an earlier one's action, until one says stop.</summary>
public sealed record DispatchRule(
    string Id,
    string Name,
    int Order,
    bool Enabled,
    RuleConditions When,
    RuleActions Then,
    bool Stop,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The ticket facts rules look at.</summary>
public sealed record RuleFacts(string FaultCategory, string? ProductLine, string Region, string? CustomerTier, string Priority, string Warranty, string Description);

public sealed record FiredRule(string Id, string Name);

/// <summary>The combined effect of the rules that fired.</summary>
public sealed record RuleOutcome(
    IReadOnlyList<FiredRule> Fired,
    string? Priority,
    SkillRequirement? Skill,
    IReadOnlyList<string>? Regions,
    string? Group,
    string? SlaPolicyId,
    bool Hold);

public static class RuleEngine
{
    public const string UnknownWarranty = "Unknown";

    public static RuleOutcome Evaluate(IEnumerable<DispatchRule> rules, RuleFacts facts)
    {
        var outcome = new RuleOutcome([], null, null, null, null, null, false);
        var fired = new List<FiredRule>();
        foreach (var rule in rules.Where(r => r.Enabled).OrderBy(r => r.Order).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            if (!Matches(rule.When, facts)) continue;
            fired.Add(new FiredRule(rule.Id, rule.Name));
            var a = rule.Then;
            outcome = outcome with
            {
                Priority = a.SetPriority ?? outcome.Priority,
                Skill = a.RequireSkill ?? outcome.Skill,
                Regions = a.RestrictRegions ?? outcome.Regions,
                Group = a.RestrictGroup ?? outcome.Group,
                SlaPolicyId = a.SlaPolicyId ?? outcome.SlaPolicyId,
                Hold = outcome.Hold || a.HoldForManual,
            };
            if (rule.Stop) break;
        }
        return outcome with { Fired = fired };
    }

    public static bool Matches(RuleConditions c, RuleFacts f) =>
        Any(c.FaultCategories, f.FaultCategory)
        && Any(c.ProductLines, f.ProductLine)
        && (c.RegionPrefixes is null || c.RegionPrefixes.Any(p => f.Region.StartsWith(p, StringComparison.Ordinal)))
        && Any(c.CustomerTiers, f.CustomerTier)
        && Any(c.Priorities, f.Priority)
        && Any(c.Warranty, f.Warranty)
        && (c.Keywords is null || c.Keywords.Any(k => f.Description.Contains(k, StringComparison.OrdinalIgnoreCase)));

    private static bool Any(IReadOnlyList<string>? allowed, string? value) => allowed is null || (value is not null && allowed.Contains(value));
}
