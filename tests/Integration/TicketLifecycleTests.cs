using System.Net;
using System.Text.Json.Nodes;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>The ticket lifecycle through the API: who may do what, in which status, once, and what the timeline shows.</summary>
public sealed class TicketLifecycleTests(LifecycleAppFixture app) : IClassFixture<LifecycleAppFixture>
{
    [Fact]
    public async Task ATicketGoesFromSubmittedToClosedAndTheTimelineNamesEveryStep()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        var id = await OpenAsync(s);
        var (engineer, engineerId) = await EngineerAsync(staff, app.Api());
        var customer = await CustomerApiAsync(s, app.Api());

        (await ActAsync(staff, id, "assign", new { engineerId })).AssertStatus(HttpStatusCode.OK);
        (await ActAsync(engineer, id, "accept")).AssertStatus(HttpStatusCode.OK);
        (await ActAsync(engineer, id, "depart")).AssertStatus(HttpStatusCode.OK);
        var onSite = (await ActAsync(engineer, id, "arrive", new { lat = 31.19, lng = 121.43 })).AssertStatus(HttpStatusCode.OK).Json!;
        Assert.Equal("OnSite", onSite["status"]!.GetValue<string>());
        (await ActAsync(engineer, id, "pause", new { reason = "waiting-parts", note = "压缩机阀片缺货" })).AssertStatus(HttpStatusCode.OK);
        var resumed = (await ActAsync(engineer, id, "resume")).AssertStatus(HttpStatusCode.OK).Json!;
        Assert.Equal("OnSite", resumed["status"]!.GetValue<string>());
        (await ActAsync(engineer, id, "resolve", new { cause = "阀片磨损", solution = "更换阀片", laborMinutes = 90 })).AssertStatus(HttpStatusCode.OK);
        var closed = (await ActAsync(customer, id, "confirm")).AssertStatus(HttpStatusCode.OK).Json!;
        Assert.Equal("Closed", closed["status"]!.GetValue<string>());
        var rated = (await ActAsync(customer, id, "rate", new { score = 5, comment = "很及时" })).AssertStatus(HttpStatusCode.OK).Json!;
        Assert.Equal(5, rated["work"]!["rating"]!["score"]!.GetValue<int>());

        var timeline = await TimelineAsync(staff, id);
        // Automatic dispatch finds nobody for this product line and may record that it held the ticket.
        Assert.Equal(["submitted", "assign", "accept", "depart", "arrive", "pause", "resume", "resolve", "confirm", "rate"],
            timeline.Select(e => e!["kind"]!.GetValue<string>()).Where(k => k != "dispatch-held"));
        Assert.Equal(engineerId, timeline.Kind("accept").Single()["actor"]!.GetValue<string>());
        Assert.Equal("customer", timeline.Kind("confirm").Single()["actorRole"]!.GetValue<string>());
        Assert.Equal("WaitingParts", timeline.Kind("pause").Single()["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnActionTheStatusDoesNotAcceptIsRefusedWithTheActionsItDoes()
    {
        var staff = await app.Api().AsStaffAsync();
        var id = await OpenAsync(await SetupAsync(staff));

        var r = (await ActAsync(staff, id, "resolve", new { cause = "x", solution = "y", laborMinutes = 1 })).AssertProblem(HttpStatusCode.Conflict);

        var allowed = r.Json!["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Contains("assign", allowed);
        Assert.Contains("cancel", allowed);
        Assert.DoesNotContain("resolve", allowed);
        Assert.Equal("Submitted", (await staff.GetAsync($"/api/tickets/{id}")).Json!["status"]!.GetValue<string>());
    }

    private static async Task<string[]> AllowedAsync(Api api, string id) => Allowed((await api.GetAsync($"/api/tickets/{id}")).AssertStatus(HttpStatusCode.OK).Json!);

    private static string[] Allowed(JsonNode json) => [.. json["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>())];

    [Fact]
    public async Task EachCallerIsOfferedTheActionsTheServerThenAcceptsAndRefusalsListTheSame()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        var id = await OpenAsync(s);
        var (engineer, engineerId) = await EngineerAsync(staff, app.Api());
        var customer = await CustomerApiAsync(s, app.Api());
        (await ActAsync(staff, id, "assign", new { engineerId })).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(["accept", "decline"], await AllowedAsync(engineer, id));
        Assert.Equal(["cancel"], await AllowedAsync(customer, id));
        Assert.Equal(["assign", "accept", "decline", "cancel", "prioritize"], await AllowedAsync(staff, id));
        // What is not offered is refused, with the same list the ticket offers that caller.
        Assert.Equal(["accept", "decline"], Allowed((await ActAsync(engineer, id, "depart")).AssertProblem(HttpStatusCode.Conflict).Json!));
        Assert.Equal(["cancel"], Allowed((await ActAsync(customer, id, "confirm")).AssertProblem(HttpStatusCode.Conflict).Json!));
        (await ActAsync(customer, id, "accept")).AssertProblem(HttpStatusCode.Forbidden);

        // An action's answer is the ticket as its caller sees it; resuming goes back to where the pause left, as the server says.
        Assert.Equal(["depart", "arrive", "pause"], Allowed((await ActAsync(engineer, id, "accept")).AssertStatus(HttpStatusCode.OK).Json!));
        (await ActAsync(engineer, id, "pause", new { reason = "waiting-customer" })).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(["resume"], await AllowedAsync(engineer, id));
        var resumed = (await ActAsync(engineer, id, "resume")).AssertStatus(HttpStatusCode.OK).Json!;
        Assert.Equal("Accepted", resumed["status"]!.GetValue<string>());
        Assert.Equal(["depart", "arrive", "pause"], Allowed(resumed));

        Assert.Empty(await AllowedAsync(customer, id));
        (await ActAsync(customer, id, "cancel", new { reason = "不需要了" })).AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(["assign", "depart", "arrive", "pause", "cancel", "prioritize"], await AllowedAsync(staff, id));
        (await ActAsync(staff, id, "cancel", new { reason = "客户来电取消" })).AssertStatus(HttpStatusCode.OK);
        foreach (var who in new[] { engineer, customer, staff }) Assert.Empty(await AllowedAsync(who, id));
    }

    [Fact]
    public async Task UnknownTicketsAndActionsAre404AndBadBodiesChangeNothing()
    {
        var staff = await app.Api().AsStaffAsync();
        var id = await OpenAsync(await SetupAsync(staff));

        (await ActAsync(staff, "tkt-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b0", "cancel", new { reason = "x" })).AssertProblem(HttpStatusCode.NotFound);
        (await ActAsync(staff, id, "teleport")).AssertProblem(HttpStatusCode.NotFound);
        var bad = (await ActAsync(staff, id, "assign", new { engineerId = "eng-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b0" })).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("engineerId", bad.ErrorFields);
        (await ActAsync(staff, id, "cancel", new { })).AssertProblem(HttpStatusCode.BadRequest);
        // A number sent as a string is the wrong type, not a number.
        Assert.Contains("lat", (await ActAsync(staff, id, "arrive", new { lat = "31.19", lng = 121.43, reason = "x" })).AssertProblem(HttpStatusCode.BadRequest).ErrorFields);

        Assert.DoesNotContain(await TimelineAsync(staff, id), e => e!["kind"]!.GetValue<string>() is "assign" or "cancel");
        Assert.Equal("Submitted", (await staff.GetAsync($"/api/tickets/{id}")).Str("status"));
    }

    [Fact]
    public async Task EngineerActionsBelongToTheAssigneeAndStaffMayStepInOnlyWithAReason()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        var id = await OpenAsync(s);
        var (engineer, engineerId) = await EngineerAsync(staff, app.Api());
        var (other, _) = await EngineerAsync(staff, app.Api());
        var customer = await CustomerApiAsync(s, app.Api());
        (await ActAsync(staff, id, "assign", new { engineerId })).AssertStatus(HttpStatusCode.OK);

        (await ActAsync(other, id, "accept")).AssertProblem(HttpStatusCode.NotFound);
        (await ActAsync(customer, id, "accept")).AssertProblem(HttpStatusCode.Forbidden);
        (await ActAsync(engineer, id, "assign", new { engineerId })).AssertProblem(HttpStatusCode.Forbidden);
        var noReason = (await ActAsync(staff, id, "accept")).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("reason", noReason.ErrorFields);

        (await ActAsync(staff, id, "accept", new { reason = "工程师电话确认接单" })).AssertStatus(HttpStatusCode.OK);
        var accept = (await TimelineAsync(staff, id)).Kind("accept").Single();
        Assert.True(accept["data"]!["override"]!.GetValue<bool>());
        Assert.Equal("工程师电话确认接单", accept["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task ADeclineReturnsTheTicketToDispatchAndTheEngineerLosesSightOfIt()
    {
        var staff = await app.Api().AsStaffAsync();
        var id = await OpenAsync(await SetupAsync(staff));
        var (engineer, engineerId) = await EngineerAsync(staff, app.Api());
        (await ActAsync(staff, id, "assign", new { engineerId })).AssertStatus(HttpStatusCode.OK);

        var declined = (await ActAsync(engineer, id, "decline", new { reason = "不在服务区域" })).AssertStatus(HttpStatusCode.OK).Json!;

        Assert.Equal("Submitted", declined["status"]!.GetValue<string>());
        Assert.Null(declined["assignedEngineerId"]);
        (await engineer.GetAsync($"/api/tickets/{id}")).AssertProblem(HttpStatusCode.NotFound);
        var list = (await staff.GetAsync($"/api/tickets?engineerId={engineerId}")).Json!["items"]!.AsArray();
        Assert.DoesNotContain(list, t => t!["id"]!.GetValue<string>() == id);
        var submitted = (await staff.GetAsync("/api/tickets?status=Submitted")).Json!["items"]!.AsArray();
        Assert.Contains(submitted, t => t!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task ARepeatedIdempotencyKeyReturnsTheFirstResultAndAppliesOnce()
    {
        var staff = await app.Api().AsStaffAsync();
        var id = await OpenAsync(await SetupAsync(staff));

        var first = (await ActAsync(staff, id, "prioritize", new { priority = "P1", reason = "客户投诉" }, "key-1")).AssertStatus(HttpStatusCode.OK);
        var again = (await ActAsync(staff, id, "prioritize", new { priority = "P1", reason = "客户投诉" }, "key-1")).AssertStatus(HttpStatusCode.OK);
        var reused = await ActAsync(staff, id, "prioritize", new { priority = "P4", reason = "另一件事" }, "key-1");

        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Json!["updatedAt"]!.GetValue<string>(), again.Json!["updatedAt"]!.GetValue<string>());
        reused.AssertProblem(HttpStatusCode.Conflict);
        Assert.Single((await TimelineAsync(staff, id)).Kind("prioritize"));
    }

    [Fact]
    public async Task ConcurrentConflictingActionsEndConsistent()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        var customer = await CustomerApiAsync(s, app.Api());
        var (_, engineerId) = await EngineerAsync(staff, app.Api());
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await OpenAsync(s));

        foreach (var id in ids)
        {
            var replies = await Task.WhenAll(
                ActAsync(customer, id, "cancel", new { reason = "不需要了" }),
                ActAsync(staff, id, "assign", new { engineerId }),
                ActAsync(staff, id, "cancel", new { reason = "重复工单" }));
            var ticket = (await staff.GetAsync($"/api/tickets/{id}")).Json!;
            var timeline = await TimelineAsync(staff, id);
            var applied = timeline.Skip(1).Select(e => e!["kind"]!.GetValue<string>()).Where(k => k is "cancel" or "assign").ToList();
            Assert.All(replies, r => Assert.True(r.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, r.Text));
            Assert.Equal(replies.Count(r => r.Status == HttpStatusCode.OK), applied.Count);
            Assert.Single(applied, "cancel");
            Assert.Equal("Cancelled", ticket["status"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task AResolvedTicketClosesItselfWhenTheCustomerDoesNotAnswer()
    {
        var staff = await app.Api().AsStaffAsync();
        var id = await OpenAsync(await SetupAsync(staff));
        var (engineer, engineerId) = await EngineerAsync(staff, app.Api());
        await ActAsync(staff, id, "assign", new { engineerId });
        await ActAsync(engineer, id, "accept");
        await ActAsync(engineer, id, "arrive", new { lat = 31.19, lng = 121.43 });
        (await ActAsync(engineer, id, "resolve", new { cause = "松动", solution = "紧固", laborMinutes = 20 })).AssertStatus(HttpStatusCode.OK);

        var ticket = await EventuallyAsync(async () => (await staff.GetAsync($"/api/tickets/{id}")).Json!, t => t["status"]!.GetValue<string>() == "Closed");

        Assert.Equal("Closed", ticket["status"]!.GetValue<string>());
        var close = (await TimelineAsync(staff, id)).Kind("auto-close").Single();
        Assert.Equal("timer", close["actorRole"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheCustomerCanRejectAResolutionAndTheWorkGoesOn()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        var id = await OpenAsync(s);
        var (engineer, engineerId) = await EngineerAsync(staff, app.Api());
        var customer = await CustomerApiAsync(s, app.Api());
        await ActAsync(staff, id, "assign", new { engineerId });
        await ActAsync(engineer, id, "accept");
        await ActAsync(engineer, id, "arrive", new { lat = 31.19, lng = 121.43 });
        await ActAsync(engineer, id, "resolve", new { cause = "松动", solution = "紧固", laborMinutes = 20 });

        var back = (await ActAsync(customer, id, "reject-resolution", new { reason = "还是有噪音" })).AssertStatus(HttpStatusCode.OK).Json!;
        await Task.Delay(2500, TestContext.Current.CancellationToken);

        Assert.Equal("Accepted", back["status"]!.GetValue<string>());
        Assert.Equal("Accepted", (await staff.GetAsync($"/api/tickets/{id}")).Json!["status"]!.GetValue<string>());
        Assert.Empty((await TimelineAsync(staff, id)).Kind("auto-close"));
    }
}
