using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ServerlessService.Testing;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>
/// The whole path: a ticket is opened, a rule fires, the best engineer is assigned and gets an SMS link, opens the
/// job with it, declines; the next engineer gets the job and the first link is dead; the customer is told at each step.
/// </summary>
public sealed partial class EngineerJourneyTests(LifecycleAppFixture app) : IClassFixture<LifecycleAppFixture>
{
    private static async Task<(string Id, string Phone)> EngineerAsync(Api staff, string line, double lat, double lng)
    {
        var phone = Archive.NewPhone();
        var id = (await staff.PostAsync("/api/engineers", new
        {
            name = "工程师" + phone[^4..], phone, skills = new[] { new { productLine = line, level = 3 } }, regions = new[] { "310104" },
            location = new { lat, lng }, maxConcurrentJobs = 3, onDuty = true,
        })).AssertStatus(HttpStatusCode.Created).Str("id");
        return (id, phone);
    }

    private async Task<List<string>> InboxAsync(Api admin, string phone) =>
        (await admin.GetAsync("/api/dev/sms?max=100&to=" + Uri.EscapeDataString(phone))).AssertStatus(HttpStatusCode.OK)
            .Json!.AsArray().Select(m => m!["body"]!.GetValue<string>()).ToList();

    private async Task<string> LinkCodeAsync(Api admin, string phone, string ticketNumber)
    {
        var inbox = await EventuallyAsync(() => InboxAsync(admin, phone), m => m.Any(b => b.Contains(ticketNumber)));
        return LinkCode().Match(inbox.First(b => b.Contains(ticketNumber))).Groups[1].Value;
    }

    private Api WithToken(string token)
    {
        var http = app.App.Client();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Api(http);
    }

    [Fact]
    public async Task FromIntakeToAcceptanceThroughSmsLinksWithTheCustomerToldAtEachStep()
    {
        var admin = await app.Api().AsStaffAsync();
        var s = await SetupAsync(admin);
        var first = await EngineerAsync(admin, s.ProductLine, 31.19, 121.43);
        var second = await EngineerAsync(admin, s.ProductLine, 31.30, 121.50);
        (await admin.PostAsync("/api/rules", new { name = "本测试产品线 → P2", when = new { productLines = new[] { s.ProductLine } }, then = new { setPriority = "P2" } }))
            .AssertStatus(HttpStatusCode.Created);

        var id = await OpenAsync(s, "P4");
        var number = (await admin.GetAsync($"/api/tickets/{id}")).Str("number");
        var code = await LinkCodeAsync(admin, first.Phone, number);
        var sms = (await InboxAsync(admin, first.Phone)).First(b => b.Contains(number));
        Assert.Contains($"http://127.0.0.1:7071/e/{code}", sms);
        Assert.True(Core.Sms.SmsSegments.Measure(sms).Segments <= 2, sms);

        var page = (await app.Api().GetAsync($"/e/{code}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("text/html", page.MediaType);
        Assert.Contains("<div id=\"app\">", page.Text); // the portal's job page (its behaviour is tested in tests/E2E)

        var exchanged = (await app.Api().PostAsync($"/api/engineer-links/{code}", new { })).AssertStatus(HttpStatusCode.OK).Json!;
        Assert.Equal(id, exchanged["ticketId"]!.GetValue<string>());
        var firstJob = WithToken(exchanged["token"]!.GetValue<string>());
        var ticket = (await firstJob.GetAsync($"/api/tickets/{id}")).AssertStatus(HttpStatusCode.OK).Json!;
        Assert.Equal("P2", ticket["priority"]!.GetValue<string>());
        (await firstJob.GetAsync("/api/tickets")).AssertProblem(HttpStatusCode.Forbidden);
        (await firstJob.GetAsync($"/api/engineers/{first.Id}")).AssertProblem(HttpStatusCode.Forbidden);

        (await ActAsync(firstJob, id, "decline", new { reason = "配件不在车上" })).AssertStatus(HttpStatusCode.OK);
        var secondCode = await LinkCodeAsync(admin, second.Phone, number);
        await EventuallyAsync(async () => (await app.Api().PostAsync($"/api/engineer-links/{code}", new { })).Status, st => st == HttpStatusCode.Unauthorized);
        var dead = (await app.Api().PostAsync($"/api/engineer-links/{code}", new { })).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Contains("withdrawn", dead.Json!["detail"]!.GetValue<string>());
        (await firstJob.GetAsync($"/api/tickets/{id}")).AssertProblem(HttpStatusCode.NotFound);

        var secondJob = WithToken((await app.Api().PostAsync($"/api/engineer-links/{secondCode}", new { })).AssertStatus(HttpStatusCode.OK).Json!["token"]!.GetValue<string>());
        (await ActAsync(secondJob, id, "accept")).AssertStatus(HttpStatusCode.OK);
        (await ActAsync(secondJob, id, "depart")).AssertStatus(HttpStatusCode.OK);
        (await ActAsync(secondJob, id, "arrive", new { lat = 31.19, lng = 121.43 })).AssertStatus(HttpStatusCode.OK);
        // Signed in first: the test's confirmation window is 2 s, after which the ticket closes by itself.
        var customer = await CustomerApiAsync(s, app.Api());
        (await ActAsync(secondJob, id, "resolve", new { cause = "阀片磨损", solution = "更换阀片", laborMinutes = 60 })).AssertStatus(HttpStatusCode.OK);
        (await ActAsync(customer, id, "confirm")).AssertStatus(HttpStatusCode.OK);

        var told = await EventuallyAsync(() => InboxAsync(admin, s.Customer["phone"]!.GetValue<string>()),
            m => m.Count(b => b.Contains(number)) >= 6);
        var mine = told.Where(b => b.Contains(number)).ToList();
        Assert.Contains(mine, b => b.Contains("已受理"));
        Assert.Contains(mine, b => b.Contains("已派工程师 工程师" + first.Phone[^4..]));
        Assert.Contains(mine, b => b.Contains("已派工程师 工程师" + second.Phone[^4..]));
        Assert.Contains(mine, b => b.Contains("已出发"));
        Assert.Contains(mine, b => b.Contains($"已完工，请确认并评价：http://127.0.0.1:7071/tickets/{id}"));
        Assert.Contains(mine, b => b.Contains("已关闭"));
        var messages = (await admin.GetAsync($"/api/tickets/{id}/messages")).AssertStatus(HttpStatusCode.OK).Json!.AsArray();
        Assert.Contains(messages, m => m!["event"]?.GetValue<string>() == "ticket-closed");
        Assert.All(messages.Where(m => m!["kind"]!.GetValue<string>() == "notify"), m => Assert.Equal("sent", m!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnUnknownOrTamperedLinkIsRefusedPlainly()
    {
        foreach (var code in new[] { "AAAAAAAAAA", "short", "AAAAAAAAA!", new string('z', 200) })
        {
            var r = (await app.Api().PostAsync($"/api/engineer-links/{Uri.EscapeDataString(code)}", new { })).AssertProblem(HttpStatusCode.Unauthorized);
            Assert.Contains("not valid", r.Json!["detail"]!.GetValue<string>());
        }
    }

    [GeneratedRegex(@"/e/([0-9A-Za-z]{10})")]
    private static partial Regex LinkCode();
}

/// <summary>Job links stop working when their lifetime is over.</summary>
public sealed class EngineerLinkExpiryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningApp? _app;

    public async ValueTask InitializeAsync()
    {
        var settings = FastSettings();
        settings["EngineerLinkOptions:Lifetime"] = "00:00:02";
        _app = await RunningApp.StartAsync(azurite.ConnectionString, RunningApp.NewPrefix(), settings);
    }

    public async ValueTask DisposeAsync() { if (_app is not null) await _app.DisposeAsync(); }

    [Fact]
    public async Task AnExpiredLinkIsRefusedAndSaysSo()
    {
        var api = new Api(_app!.Client());
        var admin = await api.AsStaffAsync();
        var s = await SetupAsync(admin);
        var phone = Archive.NewPhone();
        (await admin.PostAsync("/api/engineers", new
        {
            name = "工程师", phone, skills = new[] { new { productLine = s.ProductLine, level = 3 } }, regions = new[] { "310104" },
            location = new { lat = 31.19, lng = 121.43 }, maxConcurrentJobs = 3, onDuty = true,
        })).AssertStatus(HttpStatusCode.Created);
        await OpenAsync(s);
        var inbox = await EventuallyAsync(async () => (await admin.GetAsync("/api/dev/sms?to=" + Uri.EscapeDataString(phone))).Json!.AsArray(), m => m.Count > 0);
        var code = Regex.Match(inbox[0]!["body"]!.GetValue<string>(), @"/e/([0-9A-Za-z]{10})").Groups[1].Value;

        var token = (await api.PostAsync($"/api/engineer-links/{code}", new { })).AssertStatus(HttpStatusCode.OK).Json!;
        Assert.True(DateTimeOffset.Parse(token["expiresAt"]!.GetValue<string>()) <= DateTimeOffset.UtcNow.AddSeconds(3));
        await Task.Delay(2500, TestContext.Current.CancellationToken);

        var r = (await api.PostAsync($"/api/engineer-links/{code}", new { })).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Contains("expired", r.Json!["detail"]!.GetValue<string>());
    }
}
