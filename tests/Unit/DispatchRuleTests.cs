using ServerlessService.Core.Common;
using ServerlessService.Core.Dispatch;

namespace ServerlessService.UnitTests;

public sealed class DispatchRuleTests
{
    private static readonly RuleFacts Leak = new("leak", "chiller", "310104", "vip", "P3", "InWarranty", "冷水机组漏水，地面有积水");

    private static DispatchRule Rule(string name, int order, RuleConditions when, RuleActions then, bool stop = false, bool enabled = true) =>
        new("rul-" + name, name, order, enabled, when, then, stop, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public void EveryGivenConditionMustMatchAndAnyValueOfOneDoes()
    {
        Assert.True(RuleEngine.Matches(new RuleConditions(FaultCategories: ["noise", "leak"], CustomerTiers: ["vip"]), Leak));
        Assert.False(RuleEngine.Matches(new RuleConditions(FaultCategories: ["leak"], CustomerTiers: ["standard"]), Leak));
        Assert.True(RuleEngine.Matches(new RuleConditions(), Leak));
        Assert.True(RuleEngine.Matches(new RuleConditions(RegionPrefixes: ["3101"]), Leak));
        Assert.False(RuleEngine.Matches(new RuleConditions(RegionPrefixes: ["33"]), Leak));
        Assert.True(RuleEngine.Matches(new RuleConditions(Keywords: ["漏水"]), Leak));
        Assert.True(RuleEngine.Matches(new RuleConditions(Keywords: ["LEAK", "积水"]), Leak with { Description = "Leak near the pump" }));
        Assert.False(RuleEngine.Matches(new RuleConditions(ProductLines: ["chiller"]), Leak with { ProductLine = null }));
        Assert.True(RuleEngine.Matches(new RuleConditions(Warranty: ["Unknown"]), Leak with { Warranty = RuleEngine.UnknownWarranty }));
    }

    [Fact]
    public void MatchingRulesApplyInOrderALaterOneOverridingAndStopEndsTheList()
    {
        var rules = new[]
        {
            Rule("vip-p2", 10, new RuleConditions(CustomerTiers: ["vip"]), new RuleActions(SetPriority: "P2")),
            Rule("leak-p1", 20, new RuleConditions(FaultCategories: ["leak"]), new RuleActions(SetPriority: "P1", RequireSkill: new SkillRequirement("chiller", 4)), stop: true),
            Rule("never", 30, new RuleConditions(), new RuleActions(HoldForManual: true)),
            Rule("disabled", 5, new RuleConditions(), new RuleActions(SetPriority: "P4"), enabled: false),
        };

        var outcome = RuleEngine.Evaluate(rules, Leak);

        Assert.Equal(["vip-p2", "leak-p1"], outcome.Fired.Select(f => f.Name));
        Assert.Equal("P1", outcome.Priority);
        Assert.Equal(new SkillRequirement("chiller", 4), outcome.Skill);
        Assert.False(outcome.Hold);
    }

    [Fact]
    public void ARuleWithoutActionsOrWithUnknownValuesIsRefusedFieldByField()
    {
        var e = Assert.Throws<ValidationFailedException>(() => new DispatchRuleInput("x", null, null,
            new RuleConditionsInput(["flood"], null, ["3"], null, ["P0"], ["Maybe"], []), null, null).Validate());

        Assert.Superset(new HashSet<string> { "when.faultCategories[0]", "when.regionPrefixes[0]", "when.priorities[0]", "when.warranty[0]", "when.keywords", "then" },
            e.Errors.Keys.ToHashSet());
    }

    [Fact]
    public void AValidRuleKeepsWhatItWasGiven()
    {
        var v = new DispatchRuleInput("冷水机组漏水 → P1", 10, null, new RuleConditionsInput(["leak"], ["chiller"], ["31"], null, null, null, ["漏水"]),
            new RuleActionsInput("P1", new SkillRequirementInput("chiller", 4), null, null, null, null), null).Validate();

        Assert.True(v.Enabled);
        Assert.Equal(["31"], v.When.RegionPrefixes!);
        Assert.Equal("P1", v.Then.SetPriority);
        Assert.Equal(4, v.Then.RequireSkill!.MinLevel);
    }
}
