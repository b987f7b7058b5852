using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

using static ServerlessService.E2ETests.PortalApi;

namespace ServerlessService.E2ETests;

/// <summary>The console's operations pages in Chromium: the escalations inbox, engineers with their load, and photos and the service report on the ticket page.</summary>
public sealed class ConsoleOpsTests(PortalFixture portal)
{
    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private Task<IPage> PageAsync(string locale, int width = 1280, int height = 900) => portal.PageAsync(locale, width, height);

    private static string Shot(string name) => Path.Combine(PortalFixture.Screenshots, name);

    [Fact]
    public async Task ABreachedTicketIsInTheEscalationsInboxInRedAboveWarningsInBothLanguagesUntilItIsCancelled()
    {
        using var admin = await AdminAsync(portal.App);
        var (breachLine, _) = await CustomerWithDeviceAsync(admin, "SN-X-");
        var (warnLine, _) = await CustomerWithDeviceAsync(admin, "SN-W-");
        await PolicyAsync(admin, breachLine, response: "00:00:01", warnAt: []);
        // Warns at 1 % of five minutes (3 s) and breaches only long after the test.
        await PolicyAsync(admin, warnLine, response: "00:05:00", warnAt: [1]);
        var breached = await PostAsync(admin, "/api/tickets", new { serialNumber = "SN-X-" + breachLine, faultCategory = "leak", description = "冷却水泄漏严重", priority = "P1" });
        var warning = await PostAsync(admin, "/api/tickets", new { serialNumber = "SN-W-" + warnLine, faultCategory = "noise", description = "空压机运行时异响", priority = "P2" });
        var breachedNumber = (string)breached["number"]!;
        var warningNumber = (string)warning["number"]!;

        var page = await PageAsync("zh-CN");
        await SignInAsync(page);
        await page.GotoAsync(portal.Url("/console/escalations"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("升级");
        var rows = page.Locator(".escalations .el-table__row");
        var red = rows.Filter(new() { HasText = breachedNumber });
        var orange = rows.Filter(new() { HasText = warningNumber });
        await Assertions.Expect(red.Locator(".sla")).ToHaveTextAsync("已超时", new() { Timeout = 20_000 });
        await Assertions.Expect(red.Locator(".sla")).ToHaveClassAsync(new Regex("el-tag--danger"));
        await Assertions.Expect(red.Locator(".countdown")).ToHaveTextAsync(new Regex(@"^-\d\d:\d\d:\d\d$"));
        await Assertions.Expect(red).ToContainTextAsync("P1");
        await Assertions.Expect(red).ToContainTextAsync("已受理");
        await Assertions.Expect(orange.Locator(".sla")).ToHaveTextAsync("预警", new() { Timeout = 20_000 });
        await Assertions.Expect(orange.Locator(".sla")).ToHaveClassAsync(new Regex("el-tag--warning"));
        await Assertions.Expect(orange.Locator(".countdown")).ToHaveTextAsync(new Regex(@"^00:0[0-4]:\d\d$"));
        var numbers = await rows.Locator("td:first-child").AllInnerTextsAsync();
        Assert.True(numbers.ToList().FindIndex(n => n.Contains(breachedNumber)) < numbers.ToList().FindIndex(n => n.Contains(warningNumber)), "breached is listed above warning");
        await page.ScreenshotAsync(new() { Path = Shot("console-escalations-zh.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Escalations");
        await Assertions.Expect(red.Locator(".sla")).ToHaveTextAsync("Breached");
        await Assertions.Expect(orange.Locator(".sla")).ToHaveTextAsync("Warning");
        await page.ScreenshotAsync(new() { Path = Shot("console-escalations-en.png"), FullPage = true });

        await PostAsync(admin, $"/api/tickets/{(string)breached["id"]!}/cancel", new { reason = "客户已自行修复" });
        await Assertions.Expect(red).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(orange).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Open ticket {warningNumber}" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/console/tickets/{(string)warning["id"]!}$"));
    }

    [Fact]
    public async Task ACancelledTicketShowsCancelledInGreyOnTheBoardAndOnItsClocksNeverMet()
    {
        using var admin = await AdminAsync(portal.App);
        var (line, _) = await CustomerWithDeviceAsync(admin, "SN-C-");
        await PolicyAsync(admin, line, response: "00:10:00", warnAt: [50]);
        var ticket = await PostAsync(admin, "/api/tickets", new { serialNumber = "SN-C-" + line, faultCategory = "leak", description = "冷却水泄漏", priority = "P2" });
        var id = (string)ticket["id"]!;
        var number = (string)ticket["number"]!;
        await PostAsync(admin, $"/api/tickets/{id}/cancel", new { reason = "客户已自行修复" });

        var page = await PageAsync("zh-CN");
        await SignInAsync(page);
        var row = page.Locator(".el-table__row", new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("已取消", new() { Timeout = 20_000 });
        await Assertions.Expect(row.Locator(".sla")).ToHaveTextAsync("已取消", new() { Timeout = 20_000 });
        await Assertions.Expect(row.Locator(".sla")).ToHaveClassAsync(new Regex("el-tag--info"));
        await Assertions.Expect(row.Locator(".countdown")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("console-board-cancelled-zh.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(row.Locator(".sla")).ToHaveTextAsync("Cancelled");
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        var clocks = page.Locator(".clocks .el-tag");
        await Assertions.Expect(clocks).ToHaveCountAsync(3);
        await Assertions.Expect(clocks).ToHaveTextAsync(["Cancelled", "Cancelled", "Cancelled"]);
        await Assertions.Expect(page.Locator(".clocks")).Not.ToContainTextAsync("Met");
    }

    [Fact]
    public async Task EngineersShowTheirLoadAsOpenJobsOfTheirLimitFullInRedAndCanBeTakenOffDuty()
    {
        using var admin = await AdminAsync(portal.App);
        var (line, _) = await CustomerWithDeviceAsync(admin, "SN-L-");
        var prefix = "负载" + Guid.NewGuid().ToString("N")[..6];
        var (name, engineer) = await AssignedEngineerAsync(admin, line, prefix + "甲", maxJobs: 2);
        var (fullName, _) = await AssignedEngineerAsync(admin, line, prefix + "乙", maxJobs: 1);

        var page = await PageAsync("zh-CN");
        await SignInAsync(page);
        await page.GotoAsync(portal.Url("/console/engineers"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("工程师");
        await page.GetByLabel("按姓名筛选").FillAsync(prefix);
        var rows = page.Locator(".engineers .el-table__row");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        var full = rows.Filter(new() { HasText = fullName });
        await Assertions.Expect(full.Locator(".count")).ToHaveTextAsync("1 / 1", new() { Timeout = 20_000 });
        await Assertions.Expect(full.Locator(".count")).ToHaveClassAsync(new Regex("full"));
        await Assertions.Expect(full.Locator(".state")).ToHaveTextAsync("满负荷");
        await Assertions.Expect(full.Locator(".state")).ToHaveClassAsync(new Regex("el-tag--danger"));
        await Assertions.Expect(rows.Filter(new() { HasText = name }).Locator(".count")).ToHaveTextAsync("1 / 2");
        await page.ScreenshotAsync(new() { Path = Shot("console-engineers-zh.png"), FullPage = true });
        await page.GetByLabel("按姓名筛选").FillAsync(name);
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        var row = rows.First;
        await Assertions.Expect(row).ToContainTextAsync(name);
        await Assertions.Expect(row.Locator(".count")).ToHaveTextAsync("1 / 2", new() { Timeout = 20_000 });
        await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("忙碌");
        await Assertions.Expect(row).ToContainTextAsync("L4");
        await Assertions.Expect(row).ToContainTextAsync("310104");

        var onDuty = page.GetByRole(AriaRole.Switch, new() { Name = $"{name} 在岗" });
        await Assertions.Expect(onDuty).ToBeCheckedAsync();
        await row.Locator(".el-switch").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{name} 已设为休息");
        await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("休息");
        await Assertions.Expect(onDuty).Not.ToBeCheckedAsync();
        var stored = await admin.GetFromJsonAsync<JsonObject>($"/api/engineers/{(string)engineer["id"]!}", TestContext.Current.CancellationToken);
        Assert.False((bool)stored!["onDuty"]!);
        Assert.Equal(2, (int)stored["maxConcurrentJobs"]!);
        Assert.Equal("310104", (string)stored["regions"]![0]!);

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("Off duty");
        await page.ScreenshotAsync(new() { Path = Shot("console-engineers-en.png"), FullPage = true });
        await page.GetByLabel("Filter by name").FillAsync(name + "-nobody");
        await Assertions.Expect(page.Locator(".engineers")).ToContainTextAsync("No engineer’s name contains");

        // The name opens the board with that engineer's tickets only.
        await page.GetByLabel("Filter by name").FillAsync(name);
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".engineer-filter")).ToContainTextAsync($"Only the tickets of {name}.");
        await Assertions.Expect(page.Locator(".el-table__row")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task TheTicketPageShowsPhotosByKindTheServiceReportSignatureAndRating()
    {
        using var admin = await AdminAsync(portal.App);
        var (line, customerPhone) = await CustomerWithDeviceAsync(admin, "SN-F-");
        var engineer = await PostAsync(admin, "/api/engineers", new
        {
            name = "照片工程师", phone = "+86139" + Random.Shared.Next(10_000_000, 99_999_999), skills = new[] { new { productLine = "pl-other-" + line[3..], level = 3 } },
            regions = new[] { "310104" },
        });
        var ticket = await PostAsync(admin, "/api/tickets", new { serialNumber = "SN-F-" + line, faultCategory = "leak", description = "冷却水泄漏严重", priority = "P2" });
        var id = (string)ticket["id"]!;
        await UploadAsync(admin, id, "fault");
        await PostAsync(admin, $"/api/tickets/{id}/assign", new { engineerId = (string)engineer["id"]! });
        await PostAsync(admin, $"/api/tickets/{id}/accept", new { reason = "电话确认" });
        await PostAsync(admin, $"/api/tickets/{id}/arrive", new { lat = 31.19, lng = 121.43, reason = "电话确认" });
        await UploadAsync(admin, id, "before");
        await UploadAsync(admin, id, "after");
        var signature = (string)(await UploadAsync(admin, id, "signature")).Last(p => (string)p!["kind"]! == "signature")!["id"]!;
        await PostAsync(admin, $"/api/tickets/{id}/resolve", new { cause = "密封圈老化", solution = "更换密封圈并试压", laborMinutes = 75, signaturePhotoId = signature, reason = "工程师电话汇报" });
        using var customer = await SignedInCustomerAsync(admin, customerPhone);
        await PostAsync(customer, $"/api/tickets/{id}/rate", new { score = 4, comment = "师傅很专业" });

        var page = await PageAsync("zh-CN", 1280, 1000);
        await SignInAsync(page);
        await page.GotoAsync(portal.Url($"/console/tickets/{id}"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("已完工");
        var fault = page.Locator(".photo-group[data-kind=fault]");
        await Assertions.Expect(fault.GetByRole(AriaRole.Heading)).ToHaveTextAsync("故障照片 (1)");
        await Assertions.Expect(page.Locator(".photo-group[data-kind=before] h3")).ToHaveTextAsync("维修前 (1)");
        await Assertions.Expect(page.Locator(".photo-group[data-kind=after] h3")).ToHaveTextAsync("维修后 (1)");
        await Assertions.Expect(page.Locator(".photo-group[data-kind=signature] h3")).ToHaveTextAsync("客户签字 (1)");
        await Assertions.Expect(fault.Locator("img")).ToHaveJSPropertyAsync("naturalWidth", 1);

        var report = page.Locator(".service-report");
        await Assertions.Expect(report.Locator(".cause")).ToHaveTextAsync("密封圈老化");
        await Assertions.Expect(report.Locator(".solution")).ToHaveTextAsync("更换密封圈并试压");
        await Assertions.Expect(report.Locator(".labour")).ToHaveTextAsync("75 分钟");
        await Assertions.Expect(report.GetByRole(AriaRole.Img, new() { Name = "客户签字" })).ToHaveJSPropertyAsync("naturalWidth", 1);
        await Assertions.Expect(report.Locator(".rating")).ToContainTextAsync("4 / 5 星");
        await Assertions.Expect(report.Locator(".rating")).ToContainTextAsync("师傅很专业");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("完工");
        await page.ScreenshotAsync(new() { Path = Shot("console-ticket-report-zh.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "查看大图：故障照片 1" }).ClickAsync();
        var viewer = page.Locator(".el-image-viewer__img");
        await Assertions.Expect(viewer).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(viewer).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(fault.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Fault photos (1)");
        await Assertions.Expect(report.Locator(".labour")).ToHaveTextAsync("75 min");
        await Assertions.Expect(report.Locator(".rating")).ToContainTextAsync("4 / 5 stars");
        await page.ScreenshotAsync(new() { Path = Shot("console-ticket-report-en.png"), FullPage = true });
    }

    /// <summary>An engineer skilled on another product line (so automatic dispatch leaves the ticket alone) with one job assigned by the dispatcher.</summary>
    private static async Task<(string Name, JsonObject Engineer)> AssignedEngineerAsync(HttpClient admin, string line, string name, int maxJobs)
    {
        var engineer = await PostAsync(admin, "/api/engineers", new
        {
            name, phone = "+86139" + Random.Shared.Next(10_000_000, 99_999_999), skills = new[] { new { productLine = "pl-other-" + line[3..], level = 4 } },
            regions = new[] { "310104" }, maxConcurrentJobs = maxJobs,
        });
        var ticket = await PostAsync(admin, "/api/tickets", new { serialNumber = "SN-L-" + line, faultCategory = "noise", description = "空压机运行时异响", priority = "P3" });
        await PostAsync(admin, $"/api/tickets/{(string)ticket["id"]!}/assign", new { engineerId = (string)engineer["id"]! });
        return (name, engineer);
    }

    private async Task SignInAsync(IPage page)
    {
        await page.GotoAsync(portal.Url("/console/sign-in"));
        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync(Testing.RunningApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/console$"));
    }

    /// <summary>A customer in Xuhui with one in-warranty device on a product line of its own; returns the line and the customer's phone.</summary>
    private static async Task<(string Line, string Phone)> CustomerWithDeviceAsync(HttpClient admin, string serialPrefix)
    {
        var line = "pl-" + Guid.NewGuid().ToString("N")[..8];
        var phone = "+86138" + Random.Shared.Next(10_000_000, 99_999_999);
        var customer = await CustomerAsync(admin, "钱经理", phone);
        await DeviceAsync(admin, serialPrefix + line, line, customer);
        return (line, phone);
    }

    private static Task<JsonObject> PolicyAsync(HttpClient admin, string line, string response, int[] warnAt) =>
        PostAsync(admin, "/api/sla/policies", new
        {
            name = $"{response} {line}", order = 1, match = new { productLine = line }, targets = new { response, arrival = "10:00:00", resolution = "10:00:00" }, warnAt,
        });

    private static async Task<JsonArray> UploadAsync(HttpClient http, string ticketId, string kind)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(kind), "kind");
        var file = new ByteArrayContent(Convert.FromBase64String(OnePixelPng));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "files", $"{kind}.png");
        using var r = await http.PostAsync($"/api/tickets/{ticketId}/photos", form, TestContext.Current.CancellationToken);
        var text = await r.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(r.IsSuccessStatusCode, $"upload {kind} → {(int)r.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsArray();
    }

    /// <summary>The customer signed in by SMS code, as the customer's phone would be.</summary>
    private async Task<HttpClient> SignedInCustomerAsync(HttpClient admin, string phone)
    {
        var http = portal.App.Client();
        await PostAsync(http, "/api/auth/otp", new { phone });
        var code = await SmsAsync(admin, phone, "验证码", new Regex(@"\d{6}"));
        var signIn = await PostAsync(http, "/api/auth/otp/verify", new { phone, code, role = "customer" });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)signIn["token"]!);
        return http;
    }
}
