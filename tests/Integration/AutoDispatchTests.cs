using System.Net;
using System.Text.Json.Nodes;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>Rules at intake and automatic dispatch through the API, with real queues on Azurite.</summary>
public sealed class AutoDispatchTests(LifecycleAppFixture app) : IClassFixture<LifecycleAppFixture>
{
    private static async Task<string> EngineerAsync(Api staff, string line, double lat, double lng, int level = 3, int max = 3, bool onDuty = true, string region = "310104")
    {
        var r = await staff.PostAsync("/api/engineers", new
        {
            name = "工程师 " + Guid.NewGuid().ToString("N")[..4],
            phone = Archive.NewPhone(),
            skills = new[] { new { productLine = line, level } },
            regions = new[] { region },
            location = new { lat, lng },
            maxConcurrentJobs = max,
            onDuty,
        });
        return r.AssertStatus(HttpStatusCode.Created).Str("id");
    }

    private static async Task<JsonNode> WaitAsync(Api staff, string id, Func<JsonNode, bool> done) =>
        await EventuallyAsync(async () => (await staff.GetAsync($"/api/tickets/{id}")).Json!, done);

    private static string? Assignee(JsonNode t) => t["assignedEngineerId"]?.GetValue<string>();

    [Fact]
    public async Task ANewTicketGoesToTheNearestSkilledEngineerOnDutyAndTheDecisionIsExplained()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        var near = await EngineerAsync(staff, s.ProductLine, 31.20, 121.44);
        var far = await EngineerAsync(staff, s.ProductLine, 31.35, 121.60, level: 5);
        await EngineerAsync(staff, s.ProductLine, 31.19, 121.43, onDuty: false);
        await EngineerAsync(staff, s.ProductLine, 31.19, 121.43, region: "330106");

        var id = await OpenAsync(s);
        var ticket = await WaitAsync(staff, id, t => Assignee(t) is not null);

        Assert.Equal(near, Assignee(ticket));
        Assert.Equal("Assigned", ticket["status"]!.GetValue<string>());
        var plan = (await staff.GetAsync($"/api/tickets/{id}/dispatch")).AssertStatus(HttpStatusCode.OK).Json!;
        var decision = plan["decisions"]!.AsArray().Last()!;
        Assert.Equal(near, decision["engineerId"]!.GetValue<string>());
        Assert.Equal([near, far], decision["candidates"]!.AsArray().Select(c => c!["engineerId"]!.GetValue<string>()));
        Assert.True(decision["candidates"]![0]!["score"]!.GetValue<double>() < decision["candidates"]![1]!["score"]!.GetValue<double>());
        Assert.Equal(1, decision["excludedCounts"]!["off duty"]!.GetValue<int>());
        Assert.True(decision["excludedCounts"]!["does not serve the site's region"]!.GetValue<int>() >= 1);
        var assign = (await TimelineAsync(staff, id)).Kind("assign").Single();
        Assert.Equal("system", assign["actorRole"]!.GetValue<string>());
        var (customer, _) = await app.Api().AsPhoneAsync(s.Customer["phone"]!.GetValue<string>());
        (await customer.GetAsync($"/api/tickets/{id}/dispatch")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ARuleRaisesThePriorityAndTheRequiredSkillAndIsOnTheTimeline()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        await EngineerAsync(staff, s.ProductLine, 31.19, 121.43, level: 2);
        var expert = await EngineerAsync(staff, s.ProductLine, 31.40, 121.60, level: 4);
        var rule = (await staff.PostAsync("/api/rules", new
        {
            name = "漏水 → P1 + 4 级",
            when = new { productLines = new[] { s.ProductLine }, keywords = new[] { "异响" } },
            then = new { setPriority = "P1", requireSkill = new { productLine = s.ProductLine, minLevel = 4 } },
        })).AssertStatus(HttpStatusCode.Created).Json!;

        var id = await OpenAsync(s, "P3");
        var ticket = await WaitAsync(staff, id, t => Assignee(t) is not null);

        Assert.Equal("P1", ticket["priority"]!.GetValue<string>());
        Assert.Equal(expert, Assignee(ticket));
        var fired = (await TimelineAsync(staff, id)).Kind("rule-fired").Single();
        Assert.Equal(rule["id"]!.GetValue<string>(), fired["data"]!["ruleId"]!.GetValue<string>());
    }

    [Fact]
    public async Task AHoldRuleLeavesTheTicketToADispatcher()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        var engineer = await EngineerAsync(staff, s.ProductLine, 31.19, 121.43);
        (await staff.PostAsync("/api/rules", new { name = "人工派单", when = new { productLines = new[] { s.ProductLine } }, then = new { holdForManual = true } }))
            .AssertStatus(HttpStatusCode.Created);

        var id = await OpenAsync(s);
        // The workflow's dispatch step decides "held"; wait for it instead of for a fixed time.
        await EventuallyAsync(() => TimelineAsync(staff, id), t => t.Kind("dispatch-held").Any());

        var ticket = (await staff.GetAsync($"/api/tickets/{id}")).Json!;
        Assert.Null(Assignee(ticket));
        Assert.Single((await TimelineAsync(staff, id)).Kind("dispatch-held"));
        (await ActAsync(staff, id, "assign", new { engineerId = engineer })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ADeclineMovesTheJobToTheNextEngineerAndNeverBack()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        var firstPhone = Archive.NewPhone();
        var first = (await staff.PostAsync("/api/engineers", new
        {
            name = "第一", phone = firstPhone, skills = new[] { new { productLine = s.ProductLine, level = 3 } }, regions = new[] { "310104" },
            location = new { lat = 31.19, lng = 121.43 }, maxConcurrentJobs = 3, onDuty = true,
        })).AssertStatus(HttpStatusCode.Created).Str("id");
        var second = await EngineerAsync(staff, s.ProductLine, 31.30, 121.50);
        var id = await OpenAsync(s);
        await WaitAsync(staff, id, t => Assignee(t) == first);
        var (firstApi, _) = await app.Api().AsPhoneAsync(firstPhone, "engineer");

        (await ActAsync(firstApi, id, "decline", new { reason = "车坏了" })).AssertStatus(HttpStatusCode.OK);
        var ticket = await WaitAsync(staff, id, t => Assignee(t) is not null);

        Assert.Equal(second, Assignee(ticket));
        (await ActAsync(staff, id, "decline", new { reason = "第二位也请假了" })).AssertStatus(HttpStatusCode.OK);
        await EventuallyAsync(() => TimelineAsync(staff, id), t => t.Kind("dispatch-held").Any());
        Assert.Null(Assignee((await staff.GetAsync($"/api/tickets/{id}")).Json!));
    }

    [Fact]
    public async Task AResponseBreachGivesTheJobToTheNextCandidate()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        // Long enough for automatic dispatch to assign the first engineer before the response clock breaches, even on a busy machine.
        await PolicyAsync(staff, s.ProductLine, "00:00:06", "10:00:00", "10:00:00", []);
        var first = await EngineerAsync(staff, s.ProductLine, 31.19, 121.43);
        var second = await EngineerAsync(staff, s.ProductLine, 31.30, 121.50);

        var id = await OpenAsync(s);
        await WaitAsync(staff, id, t => Assignee(t) == first);
        var ticket = await WaitAsync(staff, id, t => Assignee(t) == second);

        Assert.Equal(second, Assignee(ticket));
        var timeline = await TimelineAsync(staff, id);
        Assert.Single(timeline.Kind("sla-reassign"));
        Assert.Equal(2, timeline.Kind("assign").Count());
    }

    [Fact]
    public async Task ABurstOfTicketsNeverPutsAnEngineerOverCapacity()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        var engineers = new[]
        {
            await EngineerAsync(staff, s.ProductLine, 31.19, 121.43, max: 2),
            await EngineerAsync(staff, s.ProductLine, 31.25, 121.45, max: 2),
            await EngineerAsync(staff, s.ProductLine, 31.30, 121.50, max: 2),
        };

        var ids = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => OpenAsync(s)));
        var settled = await EventuallyAsync(async () =>
        {
            var states = new List<(string? Engineer, bool Held)>();
            foreach (var id in ids)
            {
                var t = (await staff.GetAsync($"/api/tickets/{id}")).Json!;
                states.Add((Assignee(t), t["dispatch"]?["held"]?.GetValue<bool>() ?? false));
            }
            return states;
        }, states => states.All(x => x.Engineer is not null || x.Held), TimeSpan.FromSeconds(60));

        Assert.Equal(6, settled.Count(x => x.Engineer is not null));
        Assert.Equal(4, settled.Count(x => x.Engineer is null && x.Held));
        foreach (var e in engineers) Assert.Equal(2, settled.Count(x => x.Engineer == e));
    }

    [Fact]
    public async Task EngineersOutsideTheirWorkingHoursAreNotDispatched()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var week = new[] { "mon", "tue", "wed", "thu", "fri", "sat", "sun" }.ToDictionary(d => d, _ => new[] { "00:00-24:00" });
        var closedToday = (await staff.PostAsync("/api/calendars", new
        {
            name = "今天休息", timeZone = "Asia/Shanghai", week,
            holidays = new[] { today.AddDays(-1), today, today.AddDays(1) }.Select(d => d.ToString("yyyy-MM-dd")).ToArray(),
        })).AssertStatus(HttpStatusCode.Created).Str("id");
        var resting = (await staff.PostAsync("/api/engineers", new
        {
            name = "休息的工程师", phone = Archive.NewPhone(), skills = new[] { new { productLine = s.ProductLine, level = 5 } }, regions = new[] { "310104" },
            location = new { lat = 31.19, lng = 121.43 }, maxConcurrentJobs = 3, onDuty = true, workingCalendarId = closedToday,
        })).AssertStatus(HttpStatusCode.Created).Str("id");
        var working = await EngineerAsync(staff, s.ProductLine, 31.40, 121.60);
        var unknown = (await staff.PostAsync("/api/engineers", new
        {
            name = "x", phone = Archive.NewPhone(), skills = new[] { new { productLine = s.ProductLine, level = 5 } }, regions = new[] { "310104" },
            workingCalendarId = "cal-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b0",
        })).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("workingCalendarId", unknown.ErrorFields);

        var id = await OpenAsync(s);
        var ticket = await WaitAsync(staff, id, t => Assignee(t) is not null);

        Assert.Equal(working, Assignee(ticket));
        var decision = (await staff.GetAsync($"/api/tickets/{id}/dispatch")).Json!["decisions"]!.AsArray().Last()!;
        Assert.Equal(1, decision["excludedCounts"]!["outside working hours"]!.GetValue<int>());
        Assert.DoesNotContain(decision["candidates"]!.AsArray(), c => c!["engineerId"]!.GetValue<string>() == resting);
    }

    [Fact]
    public async Task RulesAreValidatedAndOnlyAdminsAndDispatchersEditThem()
    {
        var admin = await app.Api().AsStaffAsync();
        var bad = (await admin.PostAsync("/api/rules", new
        {
            name = "坏规则", when = new { faultCategories = new[] { "flood" } },
            then = new { slaPolicyId = "sla-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b0" },
        })).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("when.faultCategories[0]", bad.ErrorFields);
        var unknownPolicy = (await admin.PostAsync("/api/rules", new { name = "x", then = new { slaPolicyId = "sla-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b0" } }))
            .AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("then.slaPolicyId", unknownPolicy.ErrorFields);

        var rule = (await admin.PostAsync("/api/rules", new { name = "VIP → P2", when = new { customerTiers = new[] { "vip" } }, then = new { setPriority = "P2" } }))
            .AssertStatus(HttpStatusCode.Created);
        var id = rule.Str("id");
        (await admin.PutAsync($"/api/rules/{id}", new { name = "VIP → P1", when = new { customerTiers = new[] { "vip" } }, then = new { setPriority = "P1" }, enabled = false }))
            .AssertStatus(HttpStatusCode.OK);
        Assert.False((await admin.GetAsync($"/api/rules/{id}")).Json!["enabled"]!.GetValue<bool>());

        (await admin.PostAsync("/api/staff", new { username = "mgr-rules", displayName = "主管", role = "manager", password = "manager-pass-1" })).AssertStatus(HttpStatusCode.Created);
        var manager = await app.Api().AsStaffAsync("mgr-rules", "manager-pass-1");
        (await manager.GetAsync("/api/rules")).AssertStatus(HttpStatusCode.OK);
        (await manager.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/rules/{id}"))).AssertProblem(HttpStatusCode.Forbidden);
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/rules/{id}"))).AssertStatus(HttpStatusCode.NoContent);
        (await admin.GetAsync($"/api/rules/{id}")).AssertProblem(HttpStatusCode.NotFound);
    }
}
