using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

using static ServerlessService.E2ETests.PortalApi;

namespace ServerlessService.E2ETests;

/// <summary>The portal (Vue) in Chromium: language, the customer's sign-in and ticket list, field errors.</summary>
public sealed class PortalTests(PortalFixture portal)
{
    private Task<IPage> PageAsync(string locale, int width = 390, int height = 844) => portal.PageAsync(locale, width, height);

    [Fact]
    public async Task TheLanguageFollowsTheBrowserCanBeSwitchedAndIsRemembered()
    {
        var zh = await PageAsync("zh-CN");
        await zh.GotoAsync(portal.Url("/"));
        await Assertions.Expect(zh.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("售后服务平台");
        await zh.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "home-zh.png") });

        await zh.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(zh.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("After-sales service");
        await zh.ReloadAsync();
        await Assertions.Expect(zh.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("After-sales service");
        Assert.Equal("en", await zh.EvaluateAsync<string>("document.documentElement.lang"));

        var en = await PageAsync("en-US", 1280, 800);
        await en.GotoAsync(portal.Url("/"));
        await Assertions.Expect(en.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("After-sales service");
        await en.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "home-en-desktop.png") });
    }

    [Fact]
    public async Task ACustomerSignsInWithAnSmsCodeAndSeesTheirTickets()
    {
        using var admin = await AdminAsync(portal.App);
        var phone = "+8613800137" + Random.Shared.Next(100, 999);
        var line = "pl-" + Guid.NewGuid().ToString("N")[..8];
        var customer = await CustomerAsync(admin, "周女士", phone);
        await DeviceAsync(admin, "SN-P-" + line, line, customer);
        var ticket = await PostAsync(admin, "/api/tickets", new { serialNumber = "SN-P-" + line, faultCategory = "noise", description = "空压机运行时异响", priority = "P3" });

        var page = await PageAsync("zh-CN");
        await SignInAsync(page, admin, phone);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/my$"));
        await Assertions.Expect(page.GetByText("工单号 " + (string)ticket["number"]!)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".status").First).ToHaveTextAsync("已受理");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "my-tickets-zh.png") });
    }

    [Fact]
    public async Task ACustomerReportsAFaultWithAPhotoAndFollowsTheTicket()
    {
        using var admin = await AdminAsync(portal.App);
        var phone = "+8613800136" + Random.Shared.Next(100, 999);
        var line = "pl-" + Guid.NewGuid().ToString("N")[..8];
        var customer = await CustomerAsync(admin, "吴先生", phone);
        await DeviceAsync(admin, "SN-R-" + line, line, customer);
        var page = await PageAsync("zh-CN");
        await SignInAsync(page, admin, phone);

        await page.GetByRole(AriaRole.Button, new() { Name = "我的设备" }).ClickAsync();
        await Assertions.Expect(page.Locator(".warranty").First).ToHaveTextAsync("保内");
        await page.GetByRole(AriaRole.Button, new() { Name = "报修", Exact = true }).ClickAsync();
        await page.GetByLabel("故障类型").SelectOptionAsync("noise");
        await page.GetByLabel("故障描述").FillAsync("空压机运行时异响，压力上不去");
        await page.GetByLabel("添加照片").SetInputFilesAsync(PortalPages.Png("fault.png"));
        await page.GetByRole(AriaRole.Button, new() { Name = "提交报修" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/my/tickets/tkt-"));
        await Assertions.Expect(page.Locator(".status")).ToHaveTextAsync("已受理");
        await Assertions.Expect(page.Locator(".photo-count")).ToHaveTextAsync("照片 1 张");
        await Assertions.Expect(page.Locator(".photos img")).ToHaveAttributeAsync("alt", "故障");
        // The first timeline line is written by the ticket's workflow (its first step), which the page picks up on its
        // next refresh (every 10 s): on a busy machine that is later than Playwright's 5 s default.
        await Assertions.Expect(page.Locator(".timeline li").First).ToContainTextAsync("已受理", new() { Timeout = 25_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "ticket-detail-zh.png"), FullPage = true });
        var id = Regex.Match(page.Url, "tkt-[0-9a-f]{32}").Value;
        var photos = await admin.GetFromJsonAsync<JsonArray>($"/api/tickets/{id}/photos", TestContext.Current.CancellationToken);
        Assert.Equal("image/jpeg", (string)photos![0]!["contentType"]!);
    }

    [Fact]
    public async Task AnotherSiteAddressIsCheckedNextToItsFieldAndKept()
    {
        using var admin = await AdminAsync(portal.App);
        var phone = "+8613800130" + Random.Shared.Next(100, 999);
        var line = "pl-" + Guid.NewGuid().ToString("N")[..8];
        var customer = await CustomerAsync(admin, "钱先生", phone);
        await DeviceAsync(admin, "SN-A-" + line, line, customer);
        var page = await PageAsync("zh-CN");
        await SignInAsync(page, admin, phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "报修", Exact = true }).ClickAsync();
        await page.GetByLabel("故障描述").FillAsync("仓库空调不制冷");
        await page.GetByLabel("上门地址不是设备安装地址").CheckAsync();
        await page.GetByLabel("区县代码").FillAsync("31A");
        await page.GetByLabel("详细地址").FillAsync("上海市闵行区申长路 1 号仓库");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交报修" }).ClickAsync();

        await Assertions.Expect(page.Locator(".van-field__error-message").First).ToHaveTextAsync("须为 6 位行政区划代码，例如 310104。");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/my/report$"));
        await page.GetByLabel("区县代码").FillAsync("310112");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交报修" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/my/tickets/tkt-"));
        var id = Regex.Match(page.Url, "tkt-[0-9a-f]{32}").Value;
        var ticket = await admin.GetFromJsonAsync<JsonObject>($"/api/tickets/{id}", TestContext.Current.CancellationToken);
        Assert.Equal("310112", (string)ticket!["siteAddress"]!["region"]!);
        Assert.Equal("上海市闵行区申长路 1 号仓库", (string)ticket["siteAddress"]!["line"]!);
        var mine = await admin.GetFromJsonAsync<JsonObject>($"/api/tickets?customerId={customer["id"]}", TestContext.Current.CancellationToken);
        Assert.Single(mine!["items"]!.AsArray());
    }

    [Fact]
    public async Task TheConsoleBoardShowsABreachedTicketInRedInBothLanguages()
    {
        using var admin = await AdminAsync(portal.App);
        var line = "pl-" + Guid.NewGuid().ToString("N")[..8];
        var customer = await CustomerAsync(admin, "郑经理", "+8613800135" + Random.Shared.Next(100, 999));
        await DeviceAsync(admin, "SN-B-" + line, line, customer);
        await PostAsync(admin, "/api/sla/policies", new
        {
            name = "1 s " + line, order = 1, match = new { productLine = line }, targets = new { response = "00:00:01", arrival = "10:00:00", resolution = "10:00:00" }, warnAt = Array.Empty<int>(),
        });
        var ticket = await PostAsync(admin, "/api/tickets", new { serialNumber = "SN-B-" + line, faultCategory = "leak", description = "冷却水泄漏严重", priority = "P1" });
        var number = (string)ticket["number"]!;

        var page = await PageAsync("zh-CN", 1280, 800);
        await page.GotoAsync(portal.Url("/console"));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/console/sign-in"));
        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync(Testing.RunningApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        var row = page.Locator(".el-table__row", new() { HasText = number });
        await Assertions.Expect(row.Locator(".sla")).ToHaveTextAsync("已超时", new() { Timeout = 20_000 });
        await Assertions.Expect(row.Locator(".sla")).ToHaveClassAsync(new Regex("el-tag--danger"));
        await Assertions.Expect(row.Locator(".countdown")).ToHaveTextAsync(new Regex("^-00:00:\\d\\d$"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "console-board-zh.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(row.Locator(".sla")).ToHaveTextAsync("Breached");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "console-board-en.png") });
    }

    [Fact]
    public async Task ADispatcherSeesTheRankedCandidatesAndReassignsTheJob()
    {
        using var admin = await AdminAsync(portal.App);
        var line = "pl-" + Guid.NewGuid().ToString("N")[..8];
        var customer = await CustomerAsync(admin, "冯女士", "+8613800134" + Random.Shared.Next(100, 999));
        await DeviceAsync(admin, "SN-D-" + line, line, customer);
        var near = await PostAsync(admin, "/api/engineers", new
        {
            name = "近工程师", phone = "+8613900138" + Random.Shared.Next(100, 999), skills = new[] { new { productLine = line, level = 3 } }, regions = new[] { "310104" },
            location = new { lat = 31.20, lng = 121.44 },
        });
        var far = await PostAsync(admin, "/api/engineers", new
        {
            name = "远工程师", phone = "+8613900137" + Random.Shared.Next(100, 999), skills = new[] { new { productLine = line, level = 3 } }, regions = new[] { "310104" },
            location = new { lat = 31.35, lng = 121.60 },
        });
        await PostAsync(admin, "/api/engineers", new
        {
            name = "休假工程师", phone = "+8613900136" + Random.Shared.Next(100, 999), skills = new[] { new { productLine = line, level = 3 } }, regions = new[] { "310104" },
            location = new { lat = 31.19, lng = 121.43 }, onDuty = false,
        });
        var ticket = await PostAsync(admin, "/api/tickets", new { serialNumber = "SN-D-" + line, faultCategory = "leak", description = "冷却水泄漏严重", priority = "P2" });
        var id = (string)ticket["id"]!;

        var page = await PageAsync("zh-CN", 1280, 900);
        await page.GotoAsync(portal.Url("/console/sign-in"));
        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync(Testing.RunningApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = (string)ticket["number"]! }).ClickAsync();

        var nearRow = page.Locator(".candidates .el-table__row", new() { HasText = "近工程师" });
        var farRow = page.Locator(".candidates .el-table__row", new() { HasText = "远工程师" });
        await Assertions.Expect(nearRow).ToContainTextAsync("当前负责", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(".candidates .el-table__row").First).ToContainTextAsync("近工程师");
        await Assertions.Expect(page.Locator(".candidates .el-table__row", new() { HasText = "休假工程师" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".left-out")).ToContainTextAsync("不在班 ");
        await farRow.GetByRole(AriaRole.Button, new() { Name = "派给 远工程师" }).ClickAsync();

        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("派单 · admin");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "console-ticket-zh.png"), FullPage = true });
        var stored = await admin.GetFromJsonAsync<JsonObject>($"/api/tickets/{id}", TestContext.Current.CancellationToken);
        Assert.Equal((string)far["id"]!, (string)stored!["assignedEngineerId"]!);
        Assert.NotEqual((string)near["id"]!, (string)stored["assignedEngineerId"]!);
    }

    [Fact]
    public async Task AdminsReadTheLocalSmsChannelInTheConsoleToTryTheDemoWithoutAPhone()
    {
        using var admin = await AdminAsync(portal.App);
        var phone = "+8613800128" + Random.Shared.Next(100, 999);
        await CustomerAsync(admin, "林先生", phone);
        await PostAsync(admin, "/api/auth/otp", new { phone });
        var code = await SmsAsync(admin, phone, "验证码", new Regex(@"\d{6}"));

        var page = await PageAsync("zh-CN", 1280, 800);
        await page.GotoAsync(portal.Url("/console/sign-in"));
        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync(Testing.RunningApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "短信" }).ClickAsync();
        await page.GetByLabel("手机号").FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();

        var row = page.Locator(".sms .el-table__row").First;
        await Assertions.Expect(row).ToContainTextAsync(phone);
        await Assertions.Expect(row).ToContainTextAsync(code);
        await Assertions.Expect(page.Locator(".sms .el-table__row")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task AnInvalidPhoneShowsTheServersFieldErrorNextToTheField()
    {
        var page = await PageAsync("en-US");
        await page.GotoAsync(portal.Url("/sign-in"));
        await page.GetByLabel("Phone number").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();

        await Assertions.Expect(page.Locator(".van-field__error-message").First).ToContainTextAsync("not a valid phone number");
    }

    [Fact]
    public async Task TheServersCommonMessagesAreShownInChinese()
    {
        using var admin = await AdminAsync(portal.App);
        var phone = "+8613800126" + Random.Shared.Next(100, 999);
        await CustomerAsync(admin, "曹先生", phone);
        var page = await PageAsync("zh-CN");
        await page.GotoAsync(portal.Url("/sign-in"));

        await page.GetByLabel("手机号").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Assertions.Expect(page.Locator(".van-field__error-message").First).ToHaveTextAsync("不是有效的手机号，例如 +8613800138000。");

        await page.GetByLabel("手机号").FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "验证码已发送" })).ToBeVisibleAsync();
        var code = await SmsAsync(admin, phone, "验证码", new Regex(@"\d{6}"));
        await page.GetByLabel("验证码").FillAsync(code == "000000" ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.Locator(".van-field__error-message")).ToHaveTextAsync("验证码错误，还可以再试 4 次。");
    }

    private async Task SignInAsync(IPage page, HttpClient admin, string phone)
    {
        await page.GotoAsync(portal.Url("/my"));
        await PortalPages.PhoneSignInAsync(page, admin, phone);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/my$"));
    }
}
