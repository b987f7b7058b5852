using System.Text.RegularExpressions;
using Microsoft.Playwright;

using static ServerlessService.E2ETests.PortalApi;

namespace ServerlessService.E2ETests;

/// <summary>
/// The console's admin pages in Chromium: calendars with a due-time preview, SLA policies, dispatch rules, message
/// templates and the workflow diagram. Everything a test creates is scoped to its own product line, so other tests'
/// tickets never match it; a changed template is reset to its default before the test ends.
/// </summary>
public sealed class AdminPagesTests(PortalFixture portal)
{
    private Task<IPage> PageAsync(string locale, int width = 1440, int height = 1000) => portal.PageAsync(locale, width, height, "Asia/Shanghai");

    private async Task SignInAsync(IPage page, string path, string username = "admin", string? password = null)
    {
        var zh = (await page.EvaluateAsync<string>("navigator.language")).StartsWith("zh");
        await page.GotoAsync(portal.Url(path));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/console/sign-in"));
        await page.GetByLabel(zh ? "用户名" : "User name").FillAsync(username);
        await page.GetByLabel(zh ? "密码" : "Password").FillAsync(password ?? Testing.RunningApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = zh ? "登录" : "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/console$"));
        await page.GotoAsync(portal.Url(path));
    }

    private static ILocator FieldError(IPage page, string label) =>
        page.Locator(".el-dialog .el-form-item", new() { Has = page.GetByLabel(label, new() { Exact = true }) }).Locator(".el-form-item__error");

    private static ILocator VisibleOption(IPage page, string text) =>
        page.Locator(".el-select-dropdown__item:visible", new() { HasTextRegex = new Regex($"^{Regex.Escape(text)}$") });

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task AnAdminCreatesACalendarAndPreviewsADueTimeThatFallsOnAMakeUpWorkingDay()
    {
        var page = await PageAsync("zh-CN");
        await SignInAsync(page, "/console/admin/calendars");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("工作日历");

        var name = Unique("华东工作日");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建工作日历" }).ClickAsync();
        var dialog = page.Locator(".el-dialog");
        await dialog.GetByLabel("名称", new() { Exact = true }).FillAsync(name);
        await Assertions.Expect(dialog.GetByLabel("周一")).ToHaveValueAsync("09:00-12:00, 13:30-18:00");
        await dialog.GetByLabel("周六").FillAsync("25:00-26:00");
        await dialog.GetByLabel("节假日").FillAsync("2026-10-01~2026-10-07");
        await dialog.GetByLabel("调休（补班）").FillAsync("2026-10-10");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        // The server's error for Saturday's bad interval sits next to Saturday, and nothing was created.
        await Assertions.Expect(FieldError(page, "周六")).ToContainTextAsync("25:00-26:00: 须为 24 小时制时段");
        await Assertions.Expect(FieldError(page, "周一")).ToHaveCountAsync(0);
        await dialog.GetByLabel("周六").FillAsync("");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        var row = page.Locator(".calendars .el-table__row", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("Asia/Shanghai");
        await Assertions.Expect(row).ToContainTextAsync("周一 09:00-12:00, 13:30-18:00");
        await Assertions.Expect(row).ToContainTextAsync("7 天");

        // Friday 17:00 + 2 business hours: one hour on Friday, the second on the make-up Saturday (调休), not on Monday.
        var preview = page.GetByRole(AriaRole.Region, new() { Name = "到期时间预览" });
        await Assertions.Expect(preview.Locator(".el-select")).ToContainTextAsync(name);
        await preview.GetByLabel("开始时间").FillAsync("2026-10-09T17:00");
        await preview.GetByLabel("时长（工作时间） 小时").FillAsync("2");
        await preview.GetByLabel("时长（工作时间） 分钟").FillAsync("0");
        await preview.GetByRole(AriaRole.Button, new() { Name = "计算到期时间" }).ClickAsync();
        await Assertions.Expect(preview.GetByRole(AriaRole.Status)).ToContainTextAsync("2026-10-10 10:00 周六（Asia/Shanghai）");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "admin-calendars-zh.png"), FullPage = true });

        // Edited: without the make-up day the same target falls due on Monday.
        await row.GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickAsync();
        await Assertions.Expect(dialog.GetByLabel("节假日")).ToHaveValueAsync("2026-10-01~2026-10-07");
        await dialog.GetByLabel("调休（补班）").FillAsync("");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await preview.GetByRole(AriaRole.Button, new() { Name = "计算到期时间" }).ClickAsync();
        await Assertions.Expect(preview.GetByRole(AriaRole.Status)).ToContainTextAsync("2026-10-12 10:00 周一");
    }

    [Fact]
    public async Task AnInvalidPolicyTargetIsShownNextToItsFieldThenThePolicyIsSavedAndEdited()
    {
        var page = await PageAsync("en-US");
        await SignInAsync(page, "/console/admin/policies");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("SLA policies");

        var name = Unique("Chillers");
        await page.GetByRole(AriaRole.Button, new() { Name = "New SLA policy" }).ClickAsync();
        var dialog = page.Locator(".el-dialog");
        await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await dialog.GetByLabel("Order").FillAsync("999990");
        await dialog.GetByLabel("Product line").FillAsync(Unique("pl"));
        await dialog.GetByLabel("Response target").FillAsync("4 hours");
        await dialog.GetByLabel("Arrival target").FillAsync("08:00:00");
        await dialog.GetByLabel("Resolution target").FillAsync("24:00:00");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(FieldError(page, "Response target")).ToContainTextAsync("must be a positive duration as hh:mm:ss");
        await Assertions.Expect(FieldError(page, "Arrival target")).ToHaveCountAsync(0);
        await Assertions.Expect(dialog.Locator(".el-alert")).ToContainTextAsync("targets.response");
        await page.WaitForTimeoutAsync(400); // the error fades in
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "admin-policies-error-en.png") });

        await dialog.GetByLabel("Response target").FillAsync("04:00:00");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add an escalation level" }).ClickAsync();
        await dialog.GetByLabel("Level 1 Percent of the target").FillAsync("150");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        var row = page.Locator(".policies .el-table__row", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("04:00:00");
        await Assertions.Expect(row).ToContainTextAsync("24×7");
        await Assertions.Expect(row).ToContainTextAsync("150%");
        await Assertions.Expect(row).ToContainTextAsync("50, 75");

        await row.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await Assertions.Expect(dialog.GetByLabel("Response target")).ToHaveValueAsync("04:00:00");
        await dialog.GetByLabel("Resolution target").FillAsync("48:00:00");
        await dialog.GetByLabel("SLA warnings (%)").FillAsync("60, 90");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(row).ToContainTextAsync("48:00:00");
        await Assertions.Expect(row).ToContainTextAsync("60, 90");

        // Listed in match order.
        var orders = (await page.Locator(".policies .el-table__row td:first-child").AllInnerTextsAsync()).Select(int.Parse).ToList();
        Assert.Equal(orders.Order(), orders);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "admin-policies-en.png"), FullPage = true });
    }

    [Fact]
    public async Task AnAdminCreatesEditsAndDeletesADispatchRule()
    {
        var page = await PageAsync("zh-CN");
        await SignInAsync(page, "/console/admin/rules");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("派单规则");

        var name = Unique("冷水机组加急");
        var line = Unique("pl");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建派单规则" }).ClickAsync();
        var dialog = page.Locator(".el-dialog");
        await dialog.GetByLabel("名称", new() { Exact = true }).FillAsync(name);
        await dialog.GetByLabel("产品线", new() { Exact = true }).FillAsync(line);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        // A rule without any action is refused, and the form says so.
        await Assertions.Expect(dialog.Locator(".field-error")).ToContainTextAsync("至少设置一个动作");

        await dialog.Locator(".el-form-item", new() { HasText = "设为优先级" }).Locator(".el-select").ClickAsync();
        await VisibleOption(page, "P1").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        var row = page.Locator(".rules .el-table__row", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync(line);
        await Assertions.Expect(row).ToContainTextAsync("设为优先级 P1");

        await row.GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickAsync();
        await Assertions.Expect(dialog.GetByLabel("产品线", new() { Exact = true })).ToHaveValueAsync(line);
        await dialog.Locator(".el-form-item", new() { HasText = "转人工派单" }).Locator(".el-switch").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(row).ToContainTextAsync("转人工派单");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "admin-rules-zh.png"), FullPage = true });

        await row.GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await page.Locator(".el-popconfirm:visible").GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".rules")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".rules .el-table__row", new() { HasText = name })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnAdminEditsATemplateSeesItsSmsSegmentCountAndResetsIt()
    {
        var page = await PageAsync("en-US");
        await SignInAsync(page, "/console/admin/templates");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Notification templates");

        var row = page.Locator(".templates .el-table__row", new() { HasText = "ticket-closed" }).Filter(new() { HasText = "English" });
        await Assertions.Expect(row.Locator(".segments")).ToHaveTextAsync("1");
        await row.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        var dialog = page.Locator(".el-dialog");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Insert {ticketNumber}" })).ToBeVisibleAsync();

        await dialog.GetByLabel("Text").FillAsync("Ticket {unknownThing} is closed.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(FieldError(page, "Text")).ToContainTextAsync("{unknownThing} is not a placeholder of 'ticket-closed'");

        // 170 GSM-7 characters do not fit one SMS (160): the server counts two segments.
        var text = "Ticket " + new string('x', 150) + " is closed.";
        await dialog.GetByLabel("Text").FillAsync(text);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Insert {ticketNumber}" }).ClickAsync();
        await Assertions.Expect(dialog.GetByLabel("Text")).ToHaveValueAsync(text + "{ticketNumber}");
        // Counted while typing, before anything is saved.
        await Assertions.Expect(dialog.GetByRole(AriaRole.Status).Filter(new() { HasText = "SMS length" })).ToContainTextAsync("2 SMS segment(s)");
        await Assertions.Expect(row.Locator(".segments")).ToHaveTextAsync("1");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Status).Filter(new() { HasText = "SMS length" })).ToContainTextAsync(new Regex(@"2 SMS segment\(s\) \(\d+ characters, GSM-7\)"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "admin-templates-en.png") });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await Assertions.Expect(row.Locator(".segments")).ToHaveTextAsync("2");
        await Assertions.Expect(row).ToContainTextAsync("changed");
        await row.GetByRole(AriaRole.Button, new() { Name = "Reset to default" }).ClickAsync();
        await page.Locator(".el-popconfirm:visible").GetByRole(AriaRole.Button, new() { Name = "Reset to default" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Ticket {ticketNumber} is closed. Thank you.");
        await Assertions.Expect(row.Locator(".segments")).ToHaveTextAsync("1");
        await Assertions.Expect(row).ToContainTextAsync("default");
    }

    [Fact]
    public async Task TheLifecyclePageDrawsVersionOneAsAStateDiagramInBothLanguages()
    {
        var page = await PageAsync("zh-CN");
        await SignInAsync(page, "/console/admin/lifecycle");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("流程版本");

        var svg = page.Locator("svg.state-diagram");
        await Assertions.Expect(svg).ToBeVisibleAsync();
        foreach (var state in new[] { "Submitted", "Assigned", "Accepted", "EnRoute", "OnSite", "WaitingParts", "WaitingCustomer", "Resolved", "Closed", "Cancelled" })
            await Assertions.Expect(svg.Locator($"[data-state={state}]")).ToContainTextAsync(state);
        await Assertions.Expect(svg.Locator("[data-state=Submitted] .state-label")).ToHaveTextAsync("已受理");
        await Assertions.Expect(svg.Locator(".state.final")).ToHaveCountAsync(2);
        await Assertions.Expect(svg.Locator(".state.initial")).ToHaveAttributeAsync("data-state", "Submitted");
        await Assertions.Expect(svg.Locator(".initial-marker")).ToBeVisibleAsync();
        await Assertions.Expect(svg.Locator(".event-label", new() { HasText = "接单" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "admin-lifecycle-zh.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(svg.Locator("[data-state=Submitted] .state-label")).ToHaveTextAsync("Received");
        await Assertions.Expect(svg.Locator(".event-label", new() { HasText = "Accepted" })).ToBeVisibleAsync();

        // Version 1 as the next version passes the check and is drawn; checking publishes nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Start from the shown version" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".publish .checked")).ToContainTextAsync("Version 2 passes the checks");
        await Assertions.Expect(page.Locator(".publish svg.state-diagram [data-state=OnSite]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".versions .el-table__row")).ToHaveCountAsync(1);

        // A broken definition is refused with the server's reasons; nothing is published.
        await page.GetByLabel("Definition JSON").FillAsync("""{"name":"ticket","version":2,"initial":"Nowhere","states":{"Submitted":{}},"transitions":[],"clocks":{}}""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish a new version" }).ClickAsync();
        var problems = page.Locator(".publish .el-alert");
        await Assertions.Expect(problems).ToContainTextAsync("The server found these problems");
        await Assertions.Expect(problems).ToContainTextAsync("initial must name one of the states.");
        await page.GetByLabel("Definition JSON").FillAsync("{ not json");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish a new version" }).ClickAsync();
        await Assertions.Expect(page.Locator(".publish .el-form-item__error")).ToContainTextAsync("This is not valid JSON");
        await Assertions.Expect(page.Locator(".versions .el-table__row")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "admin-lifecycle-en.png"), FullPage = true });
    }

    [Fact]
    public async Task ADispatcherIsToldPlainlyThatTemplatesAreForAdminsToChange()
    {
        using var admin = await AdminAsync(portal.App);
        var username = Unique("disp");
        await PostAsync(admin, "/api/staff", new { username, displayName = "调度员小张", role = "dispatcher", password = "dispatch-pass-2026" });

        var page = await PageAsync("zh-CN");
        await SignInAsync(page, "/console/admin/templates", username, "dispatch-pass-2026");
        var row = page.Locator(".templates .el-table__row", new() { HasText = "ticket-received" }).First;
        await row.GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickAsync();
        var dialog = page.Locator(".el-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(dialog.Locator(".el-alert")).ToContainTextAsync("您的角色不能修改这些设置（仅管理员可以）");
    }
}
