using ServerlessService.Core.Common;
using ServerlessService.Core.Customers;
using ServerlessService.Core.Devices;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Core.Dispatch;

public sealed record RuleConditionsInput(
    List<string>? FaultCategories, List<string>? ProductLines, List<string>? RegionPrefixes, List<string>? CustomerTiers,
    List<string>? Priorities, List<string>? Warranty, List<string>? Keywords);

public sealed record SkillRequirementInput(string? ProductLine, int? MinLevel);

public sealed record RuleActionsInput(
    string? SetPriority, SkillRequirementInput? RequireSkill, List<string>? RestrictRegions, string? RestrictGroup, string? SlaPolicyId, bool? HoldForManual);

/// <summary>The body of POST/PUT /api/rules.</summary>
public sealed record DispatchRuleInput(string? Name, int? Order, bool? Enabled, RuleConditionsInput? When, RuleActionsInput? Then, bool? Stop)
{
    public static readonly string[] WarrantyValues = [WarrantyStatus.InWarranty, WarrantyStatus.Expiring, WarrantyStatus.OutOfWarranty, RuleEngine.UnknownWarranty];

    public sealed record Valid(string Name, int? Order, bool Enabled, RuleConditions When, RuleActions Then, bool Stop);

    public Valid Validate()
    {
        var check = new Check();
        var name = check.Text("name", Name, 100);
        if (Order is < 0 or > 1_000_000) check.Add("order", "must be between 0 and 1000000.");
        var w = When ?? new RuleConditionsInput(null, null, null, null, null, null, null);
        var when = new RuleConditions(
            Values(check, "when.faultCategories", w.FaultCategories, FaultCategories.All),
            Lines(check, "when.productLines", w.ProductLines),
            Codes(check, "when.regionPrefixes", w.RegionPrefixes),
            Values(check, "when.customerTiers", w.CustomerTiers, CustomerTiers.All),
            Values(check, "when.priorities", w.Priorities, Priorities.All),
            Values(check, "when.warranty", w.Warranty, WarrantyValues),
            Keywords(check, w.Keywords));
        var then = Actions(check);
        check.ThrowIfAny();
        return new Valid(name!, Order, Enabled ?? true, when, then, Stop ?? false);
    }

    private RuleActions Actions(Check check)
    {
        var t = Then;
        if (t is null) { check.Add("then", "is required: at least one action."); return new RuleActions(); }
        var priority = check.OneOf("then.setPriority", t.SetPriority, Priorities.All, required: false);
        SkillRequirement? skill = null;
        if (t.RequireSkill is { } s)
        {
            var line = ProductLines.Validate(check, "then.requireSkill.productLine", s.ProductLine);
            var level = check.Range("then.requireSkill.minLevel", s.MinLevel ?? 1, 1, 5);
            if (line is not null && level is not null) skill = new SkillRequirement(line, level.Value);
        }
        var regions = Codes(check, "then.restrictRegions", t.RestrictRegions);
        var group = check.Text("then.restrictGroup", t.RestrictGroup, 40, required: false);
        if (group is not null && !Ids.LooksValid(group, "eng")) check.Add("then.restrictGroup", "is not an engineer id (the group's lead).");
        var sla = check.Text("then.slaPolicyId", t.SlaPolicyId, 40, required: false);
        if (sla is not null && !Ids.LooksValid(sla, "sla")) check.Add("then.slaPolicyId", "is not an SLA policy id.");
        var actions = new RuleActions(priority, skill, regions, group, sla, t.HoldForManual ?? false);
        if (actions == new RuleActions()) check.Add("then", "must set at least one action: setPriority, requireSkill, restrictRegions, restrictGroup, slaPolicyId or holdForManual.");
        return actions;
    }

    private static List<string>? Values(Check check, string field, List<string>? values, IReadOnlyCollection<string> allowed)
    {
        if (values is null) return null;
        if (values.Count is 0 or > 20) { check.Add(field, "must list 1 to 20 values, or be left out to match anything."); return null; }
        return values.Select((v, i) => check.OneOf($"{field}[{i}]", v, allowed)).OfType<string>().Distinct().ToList();
    }

    private static List<string>? Lines(Check check, string field, List<string>? values)
    {
        if (values is null) return null;
        if (values.Count is 0 or > 20) { check.Add(field, "must list 1 to 20 product lines, or be left out to match anything."); return null; }
        return values.Select((v, i) => ProductLines.Validate(check, $"{field}[{i}]", v)).OfType<string>().Distinct().ToList();
    }

    private static List<string>? Codes(Check check, string field, List<string>? values)
    {
        if (values is null) return null;
        if (values.Count is 0 or > 50) { check.Add(field, "must list 1 to 50 region code prefixes."); return null; }
        var list = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i]?.Trim();
            if (v is null || v.Length is < 2 or > 6 || !v.All(char.IsAsciiDigit)) check.Add($"{field}[{i}]", "must be 2–6 digits of a GB/T 2260 region code, e.g. 31 or 310104.");
            else if (!list.Contains(v)) list.Add(v);
        }
        return list;
    }

    private static List<string>? Keywords(Check check, List<string>? values)
    {
        if (values is null) return null;
        if (values.Count is 0 or > 20) { check.Add("when.keywords", "must list 1 to 20 keywords."); return null; }
        return values.Select((v, i) => check.Text($"when.keywords[{i}]", v, 30)).OfType<string>().Distinct().ToList();
    }
}
