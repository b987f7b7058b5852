using ServerlessService.Core.Common;
using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Engineers;
using ServerlessService.Core.Sla;
using ServerlessService.Core.Tickets;

namespace ServerlessService.UnitTests;

public sealed class DispatchScoringTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-25T10:00:00+08:00");

    private static Ticket TicketAt(double lat, double lng, string priority = "P3", DispatchPlan? plan = null) =>
        new("tkt-1", "261125-0001", TicketStatus.Submitted, priority, "SN-1", true, "cus-1", "CoolMax", "chiller", null, "leak", "漏水", "+8613800138000",
            new Address("310104", "上海市徐汇区", lat, lng), null, null, "dispatcher", Now, Now, Dispatch: plan);

    private static EngineerState E(string id, double lat, double lng, int load = 0, int max = 3, int level = 3, bool onDuty = true,
        string[]? regions = null, string? supervisor = null, string? calendar = null, string line = "chiller") =>
        new(new Engineer(id, "工程师" + id, "+8613900139000", [new Skill(line, level)], regions ?? ["310000"], new GeoPoint(lat, lng), max, onDuty, supervisor,
            Now, Now, calendar), load);

    private static BusinessCalendar Calendars(string? id) => BusinessCalendar.AlwaysOpen;

    [Fact]
    public void TheNearestEngineerWinsWhenAllElseIsEqual()
    {
        var d = DispatchEngine.Decide(TicketAt(31.19, 121.43), [E("eng-b", 31.30, 121.50), E("eng-a", 31.20, 121.44)], Calendars, Now);
        Assert.Equal("eng-a", d.EngineerId);
        Assert.Equal(["eng-a", "eng-b"], d.Candidates.Select(c => c.EngineerId));
    }

    [Fact]
    public void UrgencyDecidesBetweenANearBusyEngineerAndAFarIdleOne()
    {
        // Near: 1.5 km, 2 of 3 jobs. Far: about 12 km, idle.
        EngineerState[] pool = [E("eng-near", 31.2035, 121.4440, load: 2), E("eng-far", 31.30, 121.50)];
        Assert.Equal("eng-near", DispatchEngine.Decide(TicketAt(31.19, 121.43, "P1"), pool, Calendars, Now).EngineerId);
        Assert.Equal("eng-far", DispatchEngine.Decide(TicketAt(31.19, 121.43, "P4"), pool, Calendars, Now).EngineerId);
    }

    [Fact]
    public void IneligibleEngineersAreLeftOutWithTheirReasonCounted()
    {
        var calendar = BusinessCalendar.From(new CalendarInput("夜班", "Asia/Shanghai",
            new Dictionary<string, List<string>?> { ["mon"] = ["20:00-23:00"] }, null, null).Validate());
        var plan = new DispatchPlan([], new SkillRequirement("chiller", 4), Regions: ["3101"], Group: "eng-lead", Excluded: ["eng-gone"]);
        EngineerState[] pool =
        [
            E("eng-ok", 31.2, 121.4, level: 4, supervisor: "eng-lead"),
            E("eng-off", 31.2, 121.4, level: 5, supervisor: "eng-lead", onDuty: false),
            E("eng-low", 31.2, 121.4, level: 3, supervisor: "eng-lead"),
            E("eng-none", 31.2, 121.4, level: 5, supervisor: "eng-lead", line: "air-compressor"),
            E("eng-hz", 30.2, 120.1, level: 5, supervisor: "eng-lead", regions: ["330106"]),
            E("eng-full", 31.2, 121.4, level: 5, supervisor: "eng-lead", load: 3),
            E("eng-other", 31.2, 121.4, level: 5, supervisor: "eng-x"),
            E("eng-gone", 31.2, 121.4, level: 5, supervisor: "eng-lead"),
            E("eng-night", 31.2, 121.4, level: 5, supervisor: "eng-lead", calendar: "cal-night"),
        ];

        var d = DispatchEngine.Decide(TicketAt(31.19, 121.43, plan: plan), pool, id => id == "cal-night" ? calendar : BusinessCalendar.AlwaysOpen, Now);

        Assert.Equal("eng-ok", Assert.Single(d.Candidates).EngineerId);
        Assert.Equal(1, d.ExcludedCounts["off duty"]);
        Assert.Equal(1, d.ExcludedCounts["chiller level below 4"]);
        Assert.Equal(1, d.ExcludedCounts["no chiller skill"]);
        Assert.Equal(1, d.ExcludedCounts["does not serve the site's region"]);
        Assert.Equal(1, d.ExcludedCounts["at capacity"]);
        Assert.Equal(1, d.ExcludedCounts["outside the rule's group"]);
        Assert.Equal(1, d.ExcludedCounts["declined or replaced"]);
        Assert.Equal(1, d.ExcludedCounts["outside working hours"]);
    }

    [Fact]
    public void NobodyEligibleHoldsTheTicketAndSaysWhy()
    {
        var d = DispatchEngine.Decide(TicketAt(31.19, 121.43), [E("eng-a", 31.2, 121.4, load: 3)], Calendars, Now);
        Assert.Null(d.EngineerId);
        Assert.Contains("at capacity ×1", d.HeldReason);
    }

    [Fact]
    public void TiesGoToTheSmallerIdSoTheAnswerIsStable()
    {
        EngineerState[] pool = [E("eng-b", 31.2, 121.4), E("eng-a", 31.2, 121.4), E("eng-c", 31.2, 121.4)];
        Assert.Equal("eng-a", DispatchEngine.Decide(TicketAt(31.19, 121.43), pool, Calendars, Now).EngineerId);
        Assert.Equal("eng-a", DispatchEngine.Decide(TicketAt(31.19, 121.43), [.. pool.Reverse()], Calendars, Now).EngineerId);
    }

    [Theory]
    [InlineData(31.2304, 121.4737, 30.2741, 120.1551, 164.874)]
    [InlineData(39.9042, 116.4074, 31.2304, 121.4737, 1067.312)]
    public void GreatCircleDistancesMatchAnOutsideComputation(double lat1, double lng1, double lat2, double lng2, double km) =>
        Assert.Equal(km, DispatchEngine.GreatCircleKm(lat1, lng1, lat2, lng2), 2);

    [Theory]
    [InlineData("310000", "31")]
    [InlineData("310100", "3101")]
    [InlineData("310104", "310104")]
    public void ARegionCodeServesTheCodesBelowIt(string region, string prefix) => Assert.Equal(prefix, DispatchEngine.Served(region));
}
