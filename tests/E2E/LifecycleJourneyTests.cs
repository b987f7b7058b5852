using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static ServerlessService.E2ETests.PortalApi;

namespace ServerlessService.E2ETests;

/// <summary>
/// A ticket's whole life through the UI, three people in three browsers: the customer (Chinese, phone) reports a fault
/// with a photo; auto-dispatch picks the engineer, whose SMS link opens the job (English, phone); the engineer accepts,
/// checks in, adds a photo, writes the report offline and syncs; the customer signs and rates; the dispatcher (English,
/// desktop) sees the ticket closed with its SLA met.
/// </summary>
public sealed partial class LifecycleJourneyTests(PortalFixture portal)
{
    private Task<IPage> PageAsync(string locale, int width = 390, int height = 844) => portal.PageAsync(locale, width, height);

    private static string Shot(string name) => Path.Combine(PortalFixture.Screenshots, name);

    [Fact]
    public async Task FromReportToClosedWithTheSlaMet()
    {
        using var admin = await AdminAsync(portal.App);
        var line = "pl-" + Guid.NewGuid().ToString("N")[..8];
        var customerPhone = "+8613800133" + Random.Shared.Next(100, 999);
        var engineerPhone = "+8613900133" + Random.Shared.Next(100, 999);
        var customer = await CustomerAsync(admin, "陈女士", customerPhone);
        await DeviceAsync(admin, "SN-L-" + line, line, customer);
        await PostAsync(admin, "/api/engineers", new
        {
            name = "Zhang Wei", phone = engineerPhone, skills = new[] { new { productLine = line, level = 3 } }, regions = new[] { "310104" },
            location = new { lat = 31.2, lng = 121.44 }, maxConcurrentJobs = 3, onDuty = true,
        });
        await PostAsync(admin, "/api/sla/policies", new
        {
            name = "Journey " + line, order = 1, match = new { productLine = line },
            targets = new { response = "10:00:00", arrival = "10:00:00", resolution = "10:00:00" }, warnAt = Array.Empty<int>(),
        });

        // The customer reports the fault with a photo, on their phone, in Chinese.
        var customerPage = await PageAsync("zh-CN");
        await customerPage.GotoAsync(portal.Url("/my"));
        await PortalPages.PhoneSignInAsync(customerPage, admin, customerPhone);
        await customerPage.GetByRole(AriaRole.Button, new() { Name = "报修", Exact = true }).ClickAsync();
        await customerPage.GetByLabel("故障类型").SelectOptionAsync("leak");
        await customerPage.GetByLabel("故障描述").FillAsync("空调外机漏水，地面有积水");
        await customerPage.GetByLabel("添加照片").SetInputFilesAsync(PortalPages.Png("leak.png"));
        await customerPage.GetByRole(AriaRole.Button, new() { Name = "提交报修" }).ClickAsync();
        await Assertions.Expect(customerPage).ToHaveURLAsync(new Regex("/my/tickets/tkt-"));
        var id = TicketId().Match(customerPage.Url).Value;
        var number = (string)(await admin.GetFromJsonAsync<JsonObject>($"/api/tickets/{id}", TestContext.Current.CancellationToken))!["number"]!;

        // Auto-dispatch assigns the engineer, whose SMS link opens the job on their phone, in English.
        var link = await SmsAsync(admin, engineerPhone, "/e/", JobLink());
        var engineerPage = await PageAsync("en-US");
        await engineerPage.Context.GrantPermissionsAsync(["geolocation"]);
        await engineerPage.Context.SetGeolocationAsync(new Geolocation { Latitude = 31.19f, Longitude = 121.43f });
        await engineerPage.GotoAsync(portal.Url(link));
        await Assertions.Expect(engineerPage.Locator("#status")).ToHaveTextAsync("Assigned", new() { Timeout = 20_000 });
        await Assertions.Expect(engineerPage.Locator(".job-card")).ToContainTextAsync("陈女士");
        await Assertions.Expect(engineerPage.Locator(".job-card")).ToContainTextAsync("In warranty");
        await Assertions.Expect(engineerPage.Locator(".photos img")).ToHaveCountAsync(1);
        await engineerPage.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await Assertions.Expect(engineerPage.Locator("#status")).ToHaveTextAsync("Accepted", new() { Timeout = 20_000 });
        await engineerPage.GetByRole(AriaRole.Button, new() { Name = "On my way" }).ClickAsync();
        await engineerPage.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Assertions.Expect(engineerPage.Locator("#status")).ToHaveTextAsync("On site", new() { Timeout = 20_000 });
        await engineerPage.GetByLabel("Photos before the work").SetInputFilesAsync(PortalPages.Png("before.png"));
        await Assertions.Expect(engineerPage.Locator(".photos img")).ToHaveCountAsync(2);

        // No signal in the plant room: the report waits in the phone and syncs when the connection is back.
        await engineerPage.Context.SetOfflineAsync(true);
        await engineerPage.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await engineerPage.GetByLabel("Cause").FillAsync("Drain pipe blocked");
        await engineerPage.GetByLabel("Solution").FillAsync("Cleared and re-sealed the drain pipe");
        await engineerPage.GetByLabel("Labour (minutes)").FillAsync("45");
        await engineerPage.GetByRole(AriaRole.Button, new() { Name = "Submit and resolve" }).ClickAsync();
        await Assertions.Expect(engineerPage.Locator(".pending")).ToContainTextAsync("1 action(s) waiting to sync");
        await Assertions.Expect(engineerPage.Locator(".pending li")).ToHaveTextAsync(["Resolve"]);
        await Assertions.Expect(engineerPage.Locator("#status")).ToHaveTextAsync("On site", new() { Timeout = 20_000 });
        await engineerPage.ScreenshotAsync(new() { Path = Shot("journey-engineer-offline-en.png"), FullPage = true });
        Assert.Equal("OnSite", await StatusAsync(admin, id, "OnSite"));
        await engineerPage.Context.SetOfflineAsync(false);
        await Assertions.Expect(engineerPage.Locator(".pending")).ToBeHiddenAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(engineerPage.Locator("#status")).ToHaveTextAsync("Resolved", new() { Timeout = 20_000 });
        Assert.Equal("Resolved", await StatusAsync(admin, id, "Resolved"));

        // The customer signs on screen to confirm, then rates.
        await customerPage.ReloadAsync();
        await Assertions.Expect(customerPage.GetByText("Cleared and re-sealed the drain pipe")).ToBeVisibleAsync();
        await PortalPages.SignAsync(customerPage);
        await customerPage.GetByRole(AriaRole.Button, new() { Name = "签字并确认完工" }).ClickAsync();
        await Assertions.Expect(customerPage.Locator(".status")).ToHaveTextAsync("已关闭");
        await customerPage.GetByRole(AriaRole.Radio, new() { Name = "5 星" }).ClickAsync();
        await customerPage.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(customerPage.Locator(".rated")).ToHaveTextAsync("感谢您的评价：5 星。");
        await customerPage.ScreenshotAsync(new() { Path = Shot("journey-customer-rated-zh.png"), FullPage = true });

        // The dispatcher sees it closed with its SLA met, on a desktop, in English.
        var console = await PageAsync("en-US", 1280, 900);
        await console.GotoAsync(portal.Url("/console/sign-in"));
        await console.GetByLabel("User name").FillAsync("admin");
        await console.GetByLabel("Password").FillAsync(Testing.RunningApp.AdminPassword);
        await console.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var row = console.Locator(".el-table__row", new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("Closed", new() { Timeout = 20_000 });
        await Assertions.Expect(row.Locator(".sla")).ToHaveTextAsync("Met");
        await Assertions.Expect(row.Locator(".sla")).ToHaveClassAsync(new Regex("el-tag--success"));
        await console.ScreenshotAsync(new() { Path = Shot("journey-console-closed-en.png") });

        var timeline = await admin.GetFromJsonAsync<JsonArray>($"/api/tickets/{id}/timeline", TestContext.Current.CancellationToken);
        string[] kinds = [.. timeline!.Select(e => (string)e!["kind"]!)];
        Assert.Equal(["dispatched", "assign", "accept", "depart", "arrive", "resolve", "confirm", "rate"], kinds.Where(k => k is not ("submitted" or "rule-fired" or "sla-retargeted")));
        var photos = await admin.GetFromJsonAsync<JsonArray>($"/api/tickets/{id}/photos", TestContext.Current.CancellationToken);
        Assert.Equal(["before", "fault", "signature"], photos!.Select(p => (string)p!["kind"]!).Order());
    }

    [GeneratedRegex("tkt-[0-9a-f]{32}")]
    private static partial Regex TicketId();

    [GeneratedRegex("/e/[0-9A-Za-z]{10}")]
    private static partial Regex JobLink();
}
