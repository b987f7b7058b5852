using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static ServerlessService.E2ETests.PortalApi;

namespace ServerlessService.E2ETests;

/// <summary>The steps of a job the whole-lifecycle test does not take: declining, waiting for parts, the signature on the engineer's phone, the customer's rejection.</summary>
public sealed partial class JobStepsTests(PortalFixture portal)
{
    private Task<IPage> PhoneAsync(string locale = "zh-CN") => portal.PageAsync(locale);

    /// <summary>A ticket assigned by a dispatcher to a new engineer; answers its id, the engineer's id and the job link from their SMS.</summary>
    private async Task<(string Id, string EngineerId, string Link, string CustomerPhone)> AssignedAsync(HttpClient admin)
    {
        var line = "pl-" + Guid.NewGuid().ToString("N")[..8];
        var customerPhone = "+8613800127" + Random.Shared.Next(100, 999);
        var engineerPhone = "+8613900127" + Random.Shared.Next(100, 999);
        var customer = await CustomerAsync(admin, "宋女士", customerPhone);
        await DeviceAsync(admin, "SN-J-" + line, line, customer);
        // A skill no rule asks for, so automatic dispatch leaves the ticket to the dispatcher.
        var engineer = await PostAsync(admin, "/api/engineers", new { name = "宋工", phone = engineerPhone, skills = new[] { new { productLine = "boiler", level = 3 } }, regions = new[] { "310104" } });
        var ticket = await PostAsync(admin, "/api/tickets", new { serialNumber = "SN-J-" + line, faultCategory = "noise", description = "水泵异响明显", priority = "P2" });
        var id = (string)ticket["id"]!;
        await PostAsync(admin, $"/api/tickets/{id}/assign", new { engineerId = (string)engineer["id"]! });
        var link = await SmsAsync(admin, engineerPhone, "/e/", JobLink());
        return (id, (string)engineer["id"]!, portal.Url(link), customerPhone);
    }

    private static async Task<JsonObject> TicketAsync(HttpClient admin, string id) =>
        (await admin.GetFromJsonAsync<JsonObject>($"/api/tickets/{id}", TestContext.Current.CancellationToken))!;

    private static async Task<JsonArray> TimelineAsync(HttpClient admin, string id) =>
        (await admin.GetFromJsonAsync<JsonArray>($"/api/tickets/{id}/timeline", TestContext.Current.CancellationToken))!;

    [Fact]
    public async Task TheEngineerDeclinesWithAReasonAndTheJobLeavesThem()
    {
        using var admin = await AdminAsync(portal.App);
        var (id, _, link, _) = await AssignedAsync(admin);
        var page = await PhoneAsync();
        await page.GotoAsync(link);

        await page.GetByRole(AriaRole.Button, new() { Name = "拒单", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认拒单" }).ClickAsync();
        await Assertions.Expect(page.Locator(".van-field__error-message")).ToHaveTextAsync("必填");
        await page.GetByLabel("拒单原因").FillAsync("今天在外地，赶不回来");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认拒单" }).ClickAsync();

        await Assertions.Expect(page.Locator(".error")).ToHaveTextAsync("这张工单已不在您名下。");
        var ticket = await TicketAsync(admin, id);
        Assert.Equal("Submitted", (string)ticket["status"]!);
        Assert.Null(ticket["assignedEngineerId"]);
        Assert.Equal("今天在外地，赶不回来", (string)(await TimelineAsync(admin, id)).Single(e => (string)e!["kind"]! == "decline")!["reason"]!);
    }

    [Fact]
    public async Task TheEngineerWaitsForPartsResumesAndResolvesWithTheCustomersSignatureOnTheirPhone()
    {
        using var admin = await AdminAsync(portal.App);
        var (id, engineerId, link, _) = await AssignedAsync(admin);
        var page = await PhoneAsync("en-US");
        await page.Context.GrantPermissionsAsync(["geolocation"]);
        await page.Context.SetGeolocationAsync(new Geolocation { Latitude = 31.19f, Longitude = 121.43f });
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Waiting for parts" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Waiting for parts", new() { Timeout = 20_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("On site", new() { Timeout = 20_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit and resolve" }).ClickAsync();
        await Assertions.Expect(page.Locator(".van-field__error-message").First).ToHaveTextAsync("Required");
        await page.GetByLabel("Cause").FillAsync("Worn impeller");
        await page.GetByLabel("Solution").FillAsync("Replaced the impeller");
        await PortalPages.SignAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "job-resolve-signature-en.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit and resolve" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Resolved", new() { Timeout = 20_000 });

        // The page shows the status at once and syncs in the background: wait for the server to have it.
        Assert.Equal("Resolved", await StatusAsync(admin, id, "Resolved"));
        var ticket = await TicketAsync(admin, id);
        await Assertions.Expect(page.Locator(".pending")).ToBeHiddenAsync();
        Assert.Equal(engineerId, (string)ticket["work"]!["signature"]!["collectedBy"]!);
        var photos = await admin.GetFromJsonAsync<JsonArray>($"/api/tickets/{id}/photos", TestContext.Current.CancellationToken);
        Assert.Equal((string)ticket["work"]!["signature"]!["photoId"]!, (string)photos!.Single(p => (string)p!["kind"]! == "signature")!["id"]!);
        Assert.Equal("waiting-parts", (string)(await TimelineAsync(admin, id)).Single(e => (string)e!["kind"]! == "pause")!["reason"]!);
    }

    [Fact]
    public async Task WithoutAPositionFromThePhoneTheCheckInSaysItUsedTheSiteAddress()
    {
        using var admin = await AdminAsync(portal.App);
        var (id, _, link, _) = await AssignedAsync(admin);
        var page = await PhoneAsync();
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "接单", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "到场签到" }).ClickAsync();

        Assert.Equal("OnSite", await StatusAsync(admin, id, "OnSite"));
        var arrive = (await TimelineAsync(admin, id)).Single(e => (string)e!["kind"]! == "arrive")!;
        Assert.Equal("手机未提供位置，按工单地址签到", (string)arrive["data"]!["note"]!);
        Assert.Equal(31.19, (double)arrive["data"]!["lat"]!);
    }

    [Fact]
    public async Task TheCustomerRejectsTheResolutionWithAReasonAndTheJobGoesBackToTheEngineer()
    {
        using var admin = await AdminAsync(portal.App);
        var (id, _, _, customerPhone) = await AssignedAsync(admin);
        foreach (var (action, body) in new (string, object)[]
        {
            ("accept", new { reason = "电话确认" }), ("arrive", new { lat = 31.19, lng = 121.43, reason = "电话确认" }),
            ("resolve", new { cause = "轴承磨损", solution = "更换轴承", laborMinutes = 40, reason = "工程师电话汇报" }),
        }) await PostAsync(admin, $"/api/tickets/{id}/{action}", body);

        var page = await PhoneAsync();
        await page.GotoAsync(portal.Url($"/tickets/{id}"));
        await PortalPages.PhoneSignInAsync(page, admin, customerPhone);
        await page.GetByRole(AriaRole.Button, new() { Name = "驳回" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交驳回" }).ClickAsync();
        await Assertions.Expect(page.Locator(".van-field__error-message")).ToHaveTextAsync("请写明驳回原因。");
        await page.GetByLabel("驳回原因").FillAsync("还是有异响");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交驳回" }).ClickAsync();

        await Assertions.Expect(page.Locator(".status")).ToHaveTextAsync("已接单");
        Assert.Equal("Accepted", (string)(await TicketAsync(admin, id))["status"]!);
        Assert.Equal("还是有异响", (string)(await TimelineAsync(admin, id)).Single(e => (string)e!["kind"]! == "reject-resolution")!["reason"]!);
    }

    [Fact]
    public async Task AfterResumingThePageOffersWhatTheServerSaysForTheStatusThePauseLeft()
    {
        using var admin = await AdminAsync(portal.App);
        var (id, _, link, _) = await AssignedAsync(admin);
        var page = await PhoneAsync();
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "接单", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "待客户" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("待客户", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(".actions button")).ToHaveTextAsync(["继续"]);

        await page.GetByRole(AriaRole.Button, new() { Name = "继续" }).ClickAsync();

        // Paused before leaving, so back to accepted (not on site): set off or check in, not resolve.
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已接单", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(".actions button")).ToHaveTextAsync(["出发", "到场签到", "待备件", "待客户"]);
        Assert.Equal("Accepted", (string)(await TicketAsync(admin, id))["status"]!);
    }

    [Fact]
    public async Task AnOfflineActionTheServerRefusesStaysWithItsReasonInBothLanguagesUntilDismissed()
    {
        using var admin = await AdminAsync(portal.App);
        var (id, _, link, _) = await AssignedAsync(admin);
        var page = await PhoneAsync();
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "接单", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已接单", new() { Timeout = 20_000 });

        // Offline, the engineer sets off; meanwhile the dispatcher checks them in on site by phone.
        await page.Context.SetOfflineAsync(true);
        await page.GetByRole(AriaRole.Button, new() { Name = "出发", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".pending")).ToContainTextAsync("1 项操作待同步");
        await PostAsync(admin, $"/api/tickets/{id}/arrive", new { lat = 31.19, lng = 121.43, reason = "电话确认到场" });
        await page.Context.SetOfflineAsync(false);

        var refused = page.Locator(".refused li");
        await Assertions.Expect(refused).ToContainTextAsync("“出发”未被受理：工单当前为“已到场”，不能“出发”。现在可以：暂停、完工。", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(".pending")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已到场", new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "job-refused-zh.png"), FullPage = true });

        // It is kept in the phone: still there after a reload, and in English once the page is.
        await page.ReloadAsync();
        await page.Locator(".lang").ClickAsync();
        await Assertions.Expect(refused).ToContainTextAsync("\"On my way\" was not accepted: 'depart' is not possible while the ticket is OnSite. Possible now: pause, resolve.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Resolve" })).ToBeVisibleAsync();
        await refused.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Assertions.Expect(refused).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Resolve" })).ToBeVisibleAsync();
        await Assertions.Expect(refused).ToHaveCountAsync(0);
        Assert.DoesNotContain(await TimelineAsync(admin, id), e => (string)e!["kind"]! == "depart");
    }

    [GeneratedRegex("/e/[0-9A-Za-z]{10}")]
    private static partial Regex JobLink();
}
