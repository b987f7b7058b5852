using System.Net;

namespace ServerlessService.IntegrationTests;

/// <summary>Calendars and SLA policies through the API: validation, who may edit, and the due-time preview.</summary>
public sealed class SlaConfigurationTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task TheDuePreviewSkipsEveningsWeekendsHolidaysAndCountsMakeUpDays()
    {
        var admin = await app.Api().AsStaffAsync();
        var id = (await admin.PostAsync("/api/calendars", Calendars.Body())).AssertStatus(HttpStatusCode.Created).Str("id");

        async Task<DateTimeOffset> Due(string start, int minutes) => DateTimeOffset.Parse(
            (await admin.GetAsync($"/api/calendars/{id}/due?start={Uri.EscapeDataString(start)}&minutes={minutes}")).AssertStatus(HttpStatusCode.OK).Str("due"));

        // Friday 17:00 + 90 min: one hour on Friday, 30 minutes on Monday morning.
        Assert.Equal(DateTimeOffset.Parse("2026-11-23T09:30:00+08:00"), await Due("2026-11-20T17:00:00+08:00", 90));
        // Monday 11:00 + 2 h: across the lunch break.
        Assert.Equal(DateTimeOffset.Parse("2026-11-23T14:30:00+08:00"), await Due("2026-11-23T11:00:00+08:00", 120));
        // Wednesday 30 Sept 17:00 + 2 h: 1 h that day, the holidays and the weekend skipped, Thursday 8 Oct 10:00.
        Assert.Equal(DateTimeOffset.Parse("2026-10-08T10:00:00+08:00"), await Due("2026-09-30T17:00:00+08:00", 120));
        // Friday 9 Oct 17:30 + 1 h: the make-up Saturday 10 Oct counts.
        Assert.Equal(DateTimeOffset.Parse("2026-10-10T09:30:00+08:00"), await Due("2026-10-09T17:30:00+08:00", 60));
    }

    [Fact]
    public async Task BadCalendarsAndPreviewsAreRefusedFieldByField()
    {
        var admin = await app.Api().AsStaffAsync();
        var before = (await admin.GetAsync("/api/calendars")).Json!.AsArray().Count;
        var bad = (await admin.PostAsync("/api/calendars", new
        {
            name = "x", timeZone = "Mars/Olympus",
            week = new Dictionary<string, string[]> { ["mon"] = ["18:00-09:00"], ["fun"] = [] },
            holidays = new[] { "2026-02-30" },
        })).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("timeZone", bad.ErrorFields);
        Assert.Contains("holidays[0]", bad.ErrorFields);
        Assert.Contains(bad.ErrorFields, f => f.StartsWith("week", StringComparison.Ordinal));
        Assert.Equal(before, (await admin.GetAsync("/api/calendars")).Json!.AsArray().Count);

        var id = (await admin.PostAsync("/api/calendars", Calendars.Body())).AssertStatus(HttpStatusCode.Created).Str("id");
        var preview = (await admin.GetAsync($"/api/calendars/{id}/due?start=yesterday&minutes=-5")).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["minutes", "start"], preview.ErrorFields.Order());
        (await admin.GetAsync("/api/calendars/cal-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b0/due?start=2026-11-20T17:00:00%2B08:00&minutes=5")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OnlyAdminsAndManagersEditAndCustomersSeeNothing()
    {
        var admin = await app.Api().AsStaffAsync();
        (await admin.PostAsync("/api/staff", new { username = "disp-sla", displayName = "调度", role = "dispatcher", password = "dispatcher-pass-1" })).AssertStatus(HttpStatusCode.Created);
        var dispatcher = await app.Api().AsStaffAsync("disp-sla", "dispatcher-pass-1");
        var (customer, _) = await app.Api().AsPhoneAsync((await Archive.CustomerAsync(admin))["phone"]!.GetValue<string>());

        (await dispatcher.PostAsync("/api/calendars", Calendars.Body())).AssertProblem(HttpStatusCode.Forbidden);
        (await dispatcher.GetAsync("/api/sla/policies")).AssertStatus(HttpStatusCode.OK);
        (await customer.GetAsync("/api/sla/policies")).AssertProblem(HttpStatusCode.Forbidden);
        (await customer.GetAsync("/api/calendars")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PoliciesAreValidatedAndListedInMatchOrder()
    {
        var admin = await app.Api().AsStaffAsync();
        var bad = (await admin.PostAsync("/api/sla/policies", new
        {
            name = "坏的", match = new { priority = "P9" }, calendarId = "cal-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b0",
            targets = new { response = "4h", arrival = "00:00:00", resolution = "08:00:00" },
            warnAt = new[] { 75, 50 }, escalations = new[] { new { afterPercent = 90, actions = new[] { "call-ceo" } } },
        })).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Superset(new HashSet<string> { "match.priority", "targets.response", "targets.arrival", "warnAt[1]", "escalations[0].afterPercent", "escalations[0].actions[0]" },
            bad.ErrorFields.ToHashSet());
        var unknownCalendar = (await admin.PostAsync("/api/sla/policies", new
        {
            name = "日历不存在", calendarId = "cal-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b0",
            targets = new { response = "04:00:00", arrival = "08:00:00", resolution = "72:00:00" },
        })).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("calendarId", unknownCalendar.ErrorFields);

        var late = (await admin.PostAsync("/api/sla/policies", new { name = "后", order = 50, targets = new { response = "04:00:00", arrival = "08:00:00", resolution = "72:00:00" } }))
            .AssertStatus(HttpStatusCode.Created);
        var early = (await admin.PostAsync("/api/sla/policies", new { name = "先", order = 5, targets = new { response = "01:00:00", arrival = "02:00:00", resolution = "08:00:00" } }))
            .AssertStatus(HttpStatusCode.Created);
        Assert.Equal("72:00:00", late.Json!["targets"]!["resolution"]!.GetValue<string>());

        var names = (await admin.GetAsync("/api/sla/policies")).Json!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["先", "后"], names);
        var renamed = (await admin.PutAsync($"/api/sla/policies/{early.Str("id")}", new { name = "先（改）", order = 60, targets = new { response = "01:00:00", arrival = "02:00:00", resolution = "08:00:00" } }))
            .AssertStatus(HttpStatusCode.OK);
        Assert.Equal("先（改）", renamed.Str("name"));
        Assert.Equal(["后", "先（改）"], (await admin.GetAsync("/api/sla/policies")).Json!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
    }
}
