using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServerlessService.Testing;
using static ServerlessService.E2ETests.PortalApi;

[assembly: CaptureConsole]


namespace ServerlessService.E2ETests;

/// <summary>
/// The page an engineer's SMS link opens, in a real Chromium (Debian's, driven by Playwright) against the real app
/// on Azurite: the job shows, Accept works, and a dead link gets a plain explanation.
/// </summary>
public sealed partial class JobPageTests(PortalFixture portal)
{
    private RunningApp App => portal.App;

    [Fact]
    public async Task TheEngineerOpensTheJobFromTheSmsLinkAndAcceptsIt()
    {
        using var admin = await AdminAsync(App);
        var engineerPhone = "+8613900139" + Random.Shared.Next(100, 999);
        var line = "pl-" + Guid.NewGuid().ToString("N")[..8];
        var customer = await CustomerAsync(admin, "王女士", "+8613800138" + Random.Shared.Next(100, 999));
        await DeviceAsync(admin, "SN-E2E-" + line, line, customer);
        await PostAsync(admin, "/api/engineers", new
        {
            name = "张伟", phone = engineerPhone, skills = new[] { new { productLine = line, level = 3 } }, regions = new[] { "310104" },
            location = new { lat = 31.2, lng = 121.44 }, maxConcurrentJobs = 3, onDuty = true,
        });
        var ticket = await PostAsync(admin, "/api/tickets", new { serialNumber = "SN-E2E-" + line, faultCategory = "noise", description = "空压机异响", priority = "P2" });
        var link = await LinkAsync(admin, engineerPhone);

        var page = await portal.PageAsync("zh-CN");
        await page.GotoAsync(link);

        await Assertions.Expect(page.GetByText((string)ticket["number"]!)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已派单", new() { Timeout = 20_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "接单", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已接单", new() { Timeout = 20_000 });
        Assert.Equal("Accepted", await StatusAsync(admin, (string)ticket["id"]!, "Accepted"));

        // Offline: the engineer sets off and checks in without a connection; both wait in the browser and sync once.
        await page.Context.GrantPermissionsAsync(["geolocation"]);
        await page.Context.SetGeolocationAsync(new Geolocation { Latitude = 31.19f, Longitude = 121.43f });
        await page.Context.SetOfflineAsync(true);
        await page.GetByRole(AriaRole.Button, new() { Name = "出发", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "到场签到" }).ClickAsync();
        await Assertions.Expect(page.Locator(".pending")).ToContainTextAsync("2 项操作待同步");
        await Assertions.Expect(page.Locator(".pending li")).ToHaveTextAsync(["出发", "到场签到"]);
        // The page shows the status the server last gave, not a guess; each queued action is offered once.
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已接单", new() { Timeout = 20_000 });
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "出发", Exact = true }).CountAsync());
        var stored = await admin.GetFromJsonAsync<JsonObject>($"/api/tickets/{ticket["id"]}", TestContext.Current.CancellationToken);
        Assert.Equal("Accepted", (string)stored!["status"]!);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "job-offline-zh.png") });

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator(".pending")).ToBeHiddenAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已到场", new() { Timeout = 20_000 });
        Assert.Equal("OnSite", await StatusAsync(admin, (string)ticket["id"]!, "OnSite"));
        var timeline = await admin.GetFromJsonAsync<JsonArray>($"/api/tickets/{ticket["id"]}/timeline", TestContext.Current.CancellationToken);
        Assert.Single(timeline!, e => (string)e!["kind"]! == "depart");
        Assert.Single(timeline!, e => (string)e!["kind"]! == "arrive");
    }

    [Fact]
    public async Task TheCustomerOpensTheResolvedSmsLinkSignsToConfirmAndRates()
    {
        using var admin = await AdminAsync(App);
        var phone = "+8613800138" + Random.Shared.Next(100, 999);
        var line = "pl-" + Guid.NewGuid().ToString("N")[..8];
        var customer = await CustomerAsync(admin, "李先生", phone);
        await DeviceAsync(admin, "SN-E2E-" + line, line, customer);
        var engineer = await PostAsync(admin, "/api/engineers", new
        {
            name = "李娜", phone = "+8613900139" + Random.Shared.Next(100, 999), skills = new[] { new { productLine = line, level = 3 } }, regions = new[] { "310104" },
        });
        var ticket = await PostAsync(admin, "/api/tickets", new { serialNumber = "SN-E2E-" + line, faultCategory = "noise", description = "空压机异响", priority = "P2" });
        var id = (string)ticket["id"]!;
        await PostAsync(admin, $"/api/tickets/{id}/assign", new { engineerId = (string)engineer["id"]!, reason = "电话派工" });
        foreach (var (action, body) in new (string, object)[]
        {
            ("accept", new { reason = "电话确认" }), ("arrive", new { lat = 31.19, lng = 121.43, reason = "电话确认" }),
            ("resolve", new { cause = "阀片磨损", solution = "更换阀片", laborMinutes = 60, reason = "工程师电话汇报" }),
        }) await PostAsync(admin, $"/api/tickets/{id}/{action}", body);
        // The SMS carries PUBLIC_BASE_URL; the test's app listens on a port of its own.
        var path = await SmsAsync(admin, phone, "已完工", new Regex(@"/tickets/tkt-[0-9a-f]{32}"));
        Assert.Equal($"/tickets/{id}", path);

        var page = await portal.PageAsync("zh-CN");
        await page.GotoAsync(new Uri(App.BaseAddress, path).ToString());
        await PortalPages.PhoneSignInAsync(page, admin, phone);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/my/tickets/{id}$"));
        await Assertions.Expect(page.Locator(".status")).ToHaveTextAsync("已完工");
        await Assertions.Expect(page.GetByText("更换阀片")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "签字并确认完工" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("请先在框内签字。");
        await PortalPages.SignAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "customer-confirm-zh.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "签字并确认完工" }).ClickAsync();

        await Assertions.Expect(page.Locator(".status")).ToHaveTextAsync("已关闭");
        await page.GetByRole(AriaRole.Radio, new() { Name = "5 星" }).ClickAsync();
        await page.GetByLabel("意见（选填）").FillAsync("很及时");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(page.Locator(".rated")).ToHaveTextAsync("感谢您的评价：5 星。");
        var stored = await admin.GetFromJsonAsync<JsonObject>($"/api/tickets/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(5, (int)stored!["work"]!["rating"]!["score"]!);
        var signature = await admin.GetFromJsonAsync<JsonArray>($"/api/tickets/{id}/photos", TestContext.Current.CancellationToken);
        Assert.Equal((string)stored["work"]!["signature"]!["photoId"]!, (string)signature!.Single(p => (string)p!["kind"]! == "signature")!["id"]!);
    }

    [Fact]
    public async Task AnEngineerSignsInWithTheirPhoneAndOpensAJobFromMyJobs()
    {
        using var admin = await AdminAsync(App);
        var engineerPhone = "+8613900131" + Random.Shared.Next(100, 999);
        var line = "pl-" + Guid.NewGuid().ToString("N")[..8];
        var customer = await CustomerAsync(admin, "赵女士", "+8613800131" + Random.Shared.Next(100, 999));
        await DeviceAsync(admin, "SN-J-" + line, line, customer);
        var engineer = await PostAsync(admin, "/api/engineers", new
        {
            name = "钱工", phone = engineerPhone, skills = new[] { new { productLine = "boiler", level = 3 } }, regions = new[] { "310104" },
        });
        var ticket = await PostAsync(admin, "/api/tickets", new { serialNumber = "SN-J-" + line, faultCategory = "no-power", description = "设备无法开机", priority = "P2" });
        await PostAsync(admin, $"/api/tickets/{ticket["id"]}/assign", new { engineerId = (string)engineer["id"]! });

        var page = await portal.PageAsync("zh-CN");
        await page.GotoAsync(new Uri(App.BaseAddress, "/jobs").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("工程师登录");
        await PortalPages.PhoneSignInAsync(page, admin, engineerPhone);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/jobs$"));
        await page.GetByText((string)ticket["number"]!).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已派单", new() { Timeout = 20_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "接单", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已接单", new() { Timeout = 20_000 });
        Assert.Equal("Accepted", await StatusAsync(admin, (string)ticket["id"]!, "Accepted"));
    }

    [Fact]
    public async Task ALinkThatIsNotValidShowsAPlainExplanation()
    {
        var page = await portal.PageAsync("zh-CN");
        await page.GotoAsync(new Uri(App.BaseAddress, "/e/AAAAAAAAAA").ToString());

        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("链接无效或已失效");
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("此派工链接无效，请联系调度员重新发送。");
        Assert.Equal(0, await page.Locator(".actions button").CountAsync());
    }

    [Fact]
    public async Task ALinkAskedForTooOftenSaysHowLongToWaitInsteadOfThatItIsInvalid()
    {
        // An app of its own where a link code may be tried once per minute.
        await using var limited = await RunningApp.StartAsync(portal.ConnectionString, RunningApp.NewPrefix(), new Dictionary<string, string?>
        {
            ["SignInLimitOptions:PerLinkCode:PermitLimit"] = "1",
            ["SignInLimitOptions:PerLinkCode:Window"] = "00:01:00",
        });
        using var http = limited.Client();
        using var first = await http.PostAsync("/api/engineer-links/CCCCCCCCCC", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, first.StatusCode);

        foreach (var (locale, text) in new[] { ("zh-CN", "秒后再试"), ("en", "seconds") })
        {
            var page = await portal.PageAsync(locale);
            await page.GotoAsync(new Uri(limited.BaseAddress, "/e/CCCCCCCCCC").ToString());

            await Assertions.Expect(page.Locator(".error")).ToContainTextAsync(text);
            await Assertions.Expect(page.Locator(".error")).ToContainTextAsync(new Regex(@"\b([1-5]?[0-9]|60)\b"));
            await Assertions.Expect(page.Locator(".error")).Not.ToContainTextAsync(locale == "en" ? "not valid" : "链接无效");
        }
    }

    private async Task<string> LinkAsync(HttpClient admin, string phone) =>
        new Uri(App.BaseAddress, await SmsAsync(admin, phone, "/e/", LinkPath())).ToString();

    [GeneratedRegex("/e/[0-9A-Za-z]{10}")]
    private static partial Regex LinkPath();
}
