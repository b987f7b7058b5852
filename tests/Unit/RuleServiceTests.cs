using ServerlessService.Core.Common;
using ServerlessService.Core.Dispatch;
using ServerlessService.UnitTests.Fakes;

namespace ServerlessService.UnitTests;

public sealed class RuleServiceTests
{
    private static readonly Caller Dispatcher = new("dispatcher", Roles.Dispatcher);
    private static readonly Caller Manager = new("manager", Roles.Manager);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly InMemoryRuleStore _store = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 10, 9, 9, 0, 0, TimeSpan.Zero));
    private readonly RuleService _rules;

    public RuleServiceTests() => _rules = new RuleService(_store, new EmptySlaStore(), new EmptyEngineerStore(), _clock);

    private static DispatchRuleInput Input(string name, int? order = null, string? priority = "P1", string? slaPolicyId = null) =>
        new(name, order, null, new RuleConditionsInput(["leak"], null, null, null, null, null, null),
            new RuleActionsInput(priority, null, null, null, slaPolicyId, null), null);

    [Fact]
    public async Task ARuleWithoutOrderGoesAfterTheLastOneAndTheListIsInEvaluationOrder()
    {
        await _rules.CreateAsync(Dispatcher, Input("late", order: 50), Ct);
        await _rules.CreateAsync(Dispatcher, Input("early", order: 5), Ct);
        var appended = await _rules.CreateAsync(Dispatcher, Input("appended"), Ct);

        Assert.Equal(60, appended.Order);
        Assert.Equal(["early", "late", "appended"], (await _rules.ListAsync(Manager, Ct)).Select(r => r.Name));
    }

    [Fact]
    public async Task AnEditHereAppliesToIntakeAtOnceAndAnEditElsewhereWithinHalfAMinute()
    {
        var rule = await _rules.CreateAsync(Dispatcher, Input("leak", priority: "P2"), Ct);
        Assert.Equal("P2", Assert.Single(await _rules.ActiveAsync(Ct)).Then.SetPriority);

        await _rules.UpdateAsync(Dispatcher, rule.Id, Input("leak", priority: "P1"), Ct);
        Assert.Equal("P1", Assert.Single(await _rules.ActiveAsync(Ct)).Then.SetPriority);

        _store.PutFromElsewhere(rule with { Name = "changed elsewhere" });
        Assert.Equal("leak", Assert.Single(await _rules.ActiveAsync(Ct)).Name);
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("changed elsewhere", Assert.Single(await _rules.ActiveAsync(Ct)).Name);
    }

    [Fact]
    public async Task ARuleNamingAnSlaPolicyThatDoesNotExistIsRefusedAndNothingIsStored()
    {
        var e = await Assert.ThrowsAsync<ValidationFailedException>(() => _rules.CreateAsync(Dispatcher, Input("vip", slaPolicyId: Ids.New("sla")), Ct));

        Assert.Contains("then.slaPolicyId", e.Errors.Keys);
        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public async Task OnlyAdminsAndDispatchersEditRulesAndOnlyStaffReadThem()
    {
        var rule = await _rules.CreateAsync(Dispatcher, Input("leak"), Ct);
        var writes = _store.Writes;

        await Assert.ThrowsAsync<ForbiddenException>(() => _rules.CreateAsync(Manager, Input("x"), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => _rules.DeleteAsync(Manager, rule.Id, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => _rules.GetAsync(new Caller("c", Roles.Customer, CustomerId: "cus-1"), rule.Id, Ct));
        Assert.Equal(writes, _store.Writes);
        Assert.Equal(rule, await _rules.GetAsync(Manager, rule.Id, Ct));
    }

    [Fact]
    public async Task ADeletedOrMalformedRuleIsNotFound()
    {
        var rule = await _rules.CreateAsync(Dispatcher, Input("leak"), Ct);
        await _rules.DeleteAsync(Dispatcher, rule.Id, Ct);

        await Assert.ThrowsAsync<NotFoundException>(() => _rules.GetAsync(Dispatcher, rule.Id, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => _rules.UpdateAsync(Dispatcher, "rul-nope", Input("leak"), Ct));
        Assert.Empty(await _rules.ActiveAsync(Ct));
    }
}
