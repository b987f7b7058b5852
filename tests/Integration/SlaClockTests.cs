using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>SLA clocks on real second-long durable timers on Azurite.</summary>
public sealed class SlaClockTests(LifecycleAppFixture app) : IClassFixture<LifecycleAppFixture>
{
    private static readonly object[] Escalate150 = [new { afterPercent = 150, actions = new[] { "notify-supervisor" } }];

    [Fact]
    public async Task WarningBreachAndEscalationFireOnceEachAndNeverEarly()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        await PolicyAsync(staff, s.ProductLine, "00:00:04", "10:00:00", "10:00:00", [50], Escalate150);
        var id = await OpenAsync(s);
        var created = (await staff.GetAsync($"/api/tickets/{id}")).Json!;

        var timeline = await EventuallyAsync(() => TimelineAsync(staff, id), t => t.Kind("sla-escalation").Any());
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        timeline = await TimelineAsync(staff, id);

        var start = DateTimeOffset.Parse(created["createdAt"]!.GetValue<string>());
        DateTimeOffset At(string kind) => DateTimeOffset.Parse(timeline.Kind(kind).Single(e => e["data"]!["metric"]!.GetValue<string>() == "response")["at"]!.GetValue<string>());
        Assert.InRange(At("sla-warning") - start, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(12));
        Assert.InRange(At("sla-breach") - start, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(14));
        Assert.InRange(At("sla-escalation") - start, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(16));
        var ticket = (await staff.GetAsync($"/api/tickets/{id}")).Json!;
        Assert.Equal("breached", Clock(ticket, "response")["state"]!.GetValue<string>());
        Assert.Equal("running", Clock(ticket, "resolution")["state"]!.GetValue<string>());
        var number = ticket["number"]!.GetValue<string>();
        var sms = await SupervisorSmsAsync(staff, number);
        Assert.Equal(3, sms.Count);
        Assert.Contains(sms, m => m.Contains("超时预警") && m.Contains("响应时限"));
        Assert.Contains(sms, m => m.Contains("已超出响应时限"));
        Assert.Contains(sms, m => m.Contains("升级（第 1 级）"));
    }

    [Fact]
    public async Task APausedClockDoesNotBreachAndContinuesWhenResumed()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        await PolicyAsync(staff, s.ProductLine, "10:00:00", "10:00:00", "00:00:04", []);
        var id = await OpenAsync(s);
        var (engineer, engineerId) = await EngineerAsync(staff, app.Api());
        await ActAsync(staff, id, "assign", new { engineerId });
        await ActAsync(engineer, id, "accept");
        await ActAsync(engineer, id, "arrive", new { lat = 31.19, lng = 121.43 });
        (await ActAsync(engineer, id, "pause", new { reason = "waiting-customer" })).AssertStatus(HttpStatusCode.OK);

        await Task.Delay(6000, TestContext.Current.CancellationToken);
        var paused = (await staff.GetAsync($"/api/tickets/{id}")).Json!;
        Assert.Equal("paused", Clock(paused, "resolution")["state"]!.GetValue<string>());
        Assert.Null(Clock(paused, "resolution")["due"]);
        Assert.Empty((await TimelineAsync(staff, id)).Kind("sla-breach"));

        (await ActAsync(engineer, id, "resume")).AssertStatus(HttpStatusCode.OK);
        var timeline = await EventuallyAsync(() => TimelineAsync(staff, id), t => t.Kind("sla-breach").Any());
        Assert.Single(timeline.Kind("sla-breach"));
        var resumedAt = DateTimeOffset.Parse(timeline.Kind("resume").Single()["at"]!.GetValue<string>());
        var breachAt = DateTimeOffset.Parse(timeline.Kind("sla-breach").Single()["at"]!.GetValue<string>());
        Assert.True(breachAt > resumedAt, "the breach came only after the clock ran again");
    }

    [Fact]
    public async Task AResponseBreachTakesTheJobFromTheSilentEngineerAndTellsThem()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        await PolicyAsync(staff, s.ProductLine, "00:00:02", "10:00:00", "10:00:00", []);
        var id = await OpenAsync(s);
        var phone = Archive.NewPhone();
        var engineerId = (await Archive.EngineerAsync(staff, phone))["id"]!.GetValue<string>();
        (await ActAsync(staff, id, "assign", new { engineerId })).AssertStatus(HttpStatusCode.OK);

        var ticket = await EventuallyAsync(async () => (await staff.GetAsync($"/api/tickets/{id}")).Json!, t => t["status"]!.GetValue<string>() == "Submitted");

        Assert.Equal("Submitted", ticket["status"]!.GetValue<string>());
        Assert.Null(ticket["assignedEngineerId"]);
        var reassign = (await TimelineAsync(staff, id)).Kind("sla-reassign").Single();
        Assert.Equal("system", reassign["actorRole"]!.GetValue<string>());
        var inbox = await EventuallyAsync(() => InboxAsync(staff, phone), m => m.Any(b => b.Contains("已超出响应时限")));
        Assert.Contains(inbox, m => m.Contains("已超出响应时限"));
        Assert.Contains(inbox, m => m.Contains("新工单"));
    }

    [Fact]
    public async Task APriorityChangeRetargetsTheClockAndKeepsTheTimeAlreadySpent()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        await PolicyAsync(staff, s.ProductLine, "01:00:00", "10:00:00", "10:00:00", [], priority: "P3");
        await PolicyAsync(staff, s.ProductLine, "00:00:04", "10:00:00", "10:00:00", [], priority: "P1");
        var id = await OpenAsync(s, "P3");
        Assert.Equal("01:00:00", Clock((await staff.GetAsync($"/api/tickets/{id}")).Json!, "response")["target"]!.GetValue<string>());
        await Task.Delay(1500, TestContext.Current.CancellationToken);

        var raised = (await ActAsync(staff, id, "prioritize", new { priority = "P1", reason = "产线停机" })).AssertStatus(HttpStatusCode.OK).Json!;

        var clock = Clock(raised, "response");
        Assert.Equal("00:00:04", clock["target"]!.GetValue<string>());
        Assert.True(TimeSpan.Parse(clock["elapsed"]!.GetValue<string>()) >= TimeSpan.FromSeconds(1), clock.ToJsonString());
        var timeline = await EventuallyAsync(() => TimelineAsync(staff, id), t => t.Kind("sla-breach").Any());
        var raisedAt = DateTimeOffset.Parse(timeline.Kind("prioritize").Single()["at"]!.GetValue<string>());
        var breachAt = DateTimeOffset.Parse(timeline.Kind("sla-breach").Single()["at"]!.GetValue<string>());
        Assert.True(breachAt - raisedAt < TimeSpan.FromSeconds(4), "time spent before the change counts against the new target");
        Assert.Single(timeline.Kind("sla-retargeted"));
    }

    [Fact]
    public async Task AClockOnABusinessCalendarFallsDueWhereTheCalendarPreviewSays()
    {
        var staff = await app.Api().AsStaffAsync();
        var calendar = (await staff.PostAsync("/api/calendars", Calendars.Body())).AssertStatus(HttpStatusCode.Created).Json!;
        var calendarId = calendar["id"]!.GetValue<string>();
        var s = await SetupAsync(staff);
        await PolicyAsync(staff, s.ProductLine, "02:00:00", "10:00:00", "40:00:00", calendarId: calendarId);
        var id = await OpenAsync(s);

        var ticket = (await staff.GetAsync($"/api/tickets/{id}")).Json!;
        var created = ticket["createdAt"]!.GetValue<string>();
        var preview = (await staff.GetAsync($"/api/calendars/{calendarId}/due?start={Uri.EscapeDataString(created)}&minutes=120")).AssertStatus(HttpStatusCode.OK).Json!;

        Assert.Equal(DateTimeOffset.Parse(preview["due"]!.GetValue<string>()), DateTimeOffset.Parse(Clock(ticket, "response")["due"]!.GetValue<string>()));
        Assert.Equal(calendarId, ticket["sla"]!["calendarId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACancelledTicketsUnfinishedClocksReadCancelledAMetResponseStaysMetAndTheListSaysCancelled()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        await PolicyAsync(staff, s.ProductLine, "00:10:00", "10:00:00", "10:00:00", [50]);
        var early = await OpenAsync(s);
        var accepted = await OpenAsync(s);
        var (engineer, engineerId) = await EngineerAsync(staff, app.Api());
        await ActAsync(staff, accepted, "assign", new { engineerId });
        (await ActAsync(engineer, accepted, "accept")).AssertStatus(HttpStatusCode.OK);

        var cancelledEarly = (await ActAsync(staff, early, "cancel", new { reason = "客户已自行修复" })).AssertStatus(HttpStatusCode.OK).Json!;
        (await ActAsync(staff, accepted, "cancel", new { reason = "设备已更换" })).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(["cancelled", "cancelled", "cancelled"], States(cancelledEarly));
        var ticket = (await staff.GetAsync($"/api/tickets/{accepted}")).Json!;
        Assert.Equal(["met", "cancelled", "cancelled"], States(ticket));
        Assert.All(ticket["sla"]!["clocks"]!.AsArray(), c => Assert.Null(c!["due"]));
        var rows = await EventuallyAsync(() => ListAsync(staff, s), r => r.All(x => x!["status"]!.GetValue<string>() == "Cancelled"));
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("cancelled", r!["slaState"]!.GetValue<string>()));
        Assert.All(rows, r => Assert.Null(r!["slaDue"]));
    }

    [Fact]
    public async Task ATicketStoredCancelledWithMetClocksAndAMetListRowReadsCancelled()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        await PolicyAsync(staff, s.ProductLine, "00:10:00", "10:00:00", "10:00:00", [50]);
        var id = await OpenAsync(s);
        (await ActAsync(staff, id, "cancel", new { reason = "客户已自行修复" })).AssertStatus(HttpStatusCode.OK);
        await EventuallyAsync(() => ListAsync(staff, s), r => r.Count == 1 && r[0]!["status"]!.GetValue<string>() == "Cancelled");

        // As the ticket would stand had it been cancelled before cancelled tickets had an SLA state of their own (or on a
        // definition that stops clocks as met in Cancelled): clocks met at the cancel, list rows "met".
        var tickets = new TableClient(app.ConnectionString, app.Prefix + "Tickets");
        var row = (await tickets.GetEntityAsync<TableEntity>(id, "state", cancellationToken: TestContext.Current.CancellationToken)).Value;
        var json = JsonNode.Parse(row.GetString("Json"))!;
        foreach (var c in json["sla"]!["clocks"]!.AsArray()) c!["state"] = "met";
        row["Json"] = json.ToJsonString();
        await tickets.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, TestContext.Current.CancellationToken);
        var index = new TableClient(app.ConnectionString, app.Prefix + "TicketIndex");
        var rewritten = 0;
        await foreach (var e in index.QueryAsync<TableEntity>(cancellationToken: TestContext.Current.CancellationToken))
        {
            if (!e.RowKey.EndsWith("|" + id, StringComparison.Ordinal)) continue;
            var summary = JsonNode.Parse(e.GetString("Json"))!;
            summary["slaState"] = "met";
            e["Json"] = summary.ToJsonString();
            e["SlaState"] = "met";
            await index.UpdateEntityAsync(e, e.ETag, TableUpdateMode.Replace, TestContext.Current.CancellationToken);
            rewritten++;
        }
        Assert.True(rewritten >= 3, $"{rewritten} list rows");

        Assert.Equal(["cancelled", "cancelled", "cancelled"], States((await staff.GetAsync($"/api/tickets/{id}")).Json!));
        Assert.Equal("cancelled", (await ListAsync(staff, s)).Single()!["slaState"]!.GetValue<string>());
        var all = (await staff.GetAsync("/api/tickets?status=Cancelled&pageSize=100")).AssertStatus(HttpStatusCode.OK).Json!["items"]!.AsArray();
        Assert.Equal("cancelled", all.Single(t => t!["id"]!.GetValue<string>() == id)!["slaState"]!.GetValue<string>());
    }

    private static string[] States(JsonNode ticket) =>
        new[] { "response", "arrival", "resolution" }.Select(m => Clock(ticket, m)["state"]!.GetValue<string>()).ToArray();

    private static async Task<List<JsonNode?>> ListAsync(Api staff, Setup s) =>
        [.. (await staff.GetAsync($"/api/tickets?customerId={s.Customer["id"]!.GetValue<string>()}&pageSize=100")).AssertStatus(HttpStatusCode.OK).Json!["items"]!.AsArray()];

    private static async Task<List<string>> InboxAsync(Api staff, string phone) =>
        (await staff.GetAsync("/api/dev/sms?to=" + Uri.EscapeDataString(phone) + "&max=100")).Json!.AsArray().Select(m => m!["body"]!.GetValue<string>()).ToList();

    private static async Task<List<string>> SupervisorSmsAsync(Api staff, string ticketNumber) =>
        (await InboxAsync(staff, SupervisorPhone)).Where(b => b.Contains(ticketNumber)).ToList();
}
