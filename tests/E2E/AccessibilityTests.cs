using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static ServerlessService.E2ETests.PortalApi;

namespace ServerlessService.E2ETests;

/// <summary>Every page passes axe-core's WCAG 2.1 A/AA checks with no serious or critical finding: labels, names, contrast, language.</summary>
public sealed partial class AccessibilityTests(PortalFixture portal)
{
    private Task<IPage> PageAsync(string locale, int width, int height) => portal.PageAsync(locale, width, height);

    [Fact]
    public async Task EveryPageHasLabelsNamesAndReadableContrast()
    {
        using var admin = await AdminAsync(portal.App);
        var line = "pl-" + Guid.NewGuid().ToString("N")[..8];
        var phone = "+8613800129" + Random.Shared.Next(100, 999);
        var engineerPhone = "+8613900129" + Random.Shared.Next(100, 999);
        var customer = await CustomerAsync(admin, "韩女士", phone);
        await DeviceAsync(admin, "SN-X-" + line, line, customer);
        await PostAsync(admin, "/api/engineers", new
        {
            name = "韩工", phone = engineerPhone, skills = new[] { new { productLine = line, level = 3 } }, regions = new[] { "310104" }, location = new { lat = 31.2, lng = 121.44 },
        });
        var ticket = await PostAsync(admin, "/api/tickets", new { serialNumber = "SN-X-" + line, faultCategory = "leak", description = "冷却水泄漏严重", priority = "P2" });
        var id = (string)ticket["id"]!;
        var link = await SmsAsync(admin, engineerPhone, "/e/", new Regex("/e/[0-9A-Za-z]{10}"));

        var findings = new Dictionary<string, IReadOnlyList<string>>();
        async Task Check(IPage page, string path, string ready)
        {
            await page.GotoAsync(portal.Url(path));
            await Assertions.Expect(page.Locator(ready).First).ToBeVisibleAsync();
            // Judged once the page has loaded its data and drawn it.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            findings[path] = await Axe.SeriousFindingsAsync(page);
        }

        var phonePage = await PageAsync("zh-CN", 390, 844);
        await Check(phonePage, "/", "h1");
        await Check(phonePage, "/sign-in", "form");
        await PortalPages.PhoneSignInAsync(phonePage, admin, phone);
        await Assertions.Expect(phonePage).ToHaveURLAsync(new Regex("/my$"));
        await Check(phonePage, "/my", ".status");
        await Check(phonePage, "/my/devices", ".warranty");
        await Check(phonePage, "/my/report", "form");
        await Check(phonePage, $"/my/tickets/{id}", ".timeline li");
        var engineerPage = await PageAsync("zh-CN", 390, 844);
        await Check(engineerPage, link, "#status");

        var desktop = await PageAsync("en-US", 1280, 900);
        await desktop.GotoAsync(portal.Url("/console/sign-in"));
        findings["/console/sign-in"] = await Axe.SeriousFindingsAsync(desktop);
        await desktop.GetByLabel("User name").FillAsync("admin");
        await desktop.GetByLabel("Password").FillAsync(Testing.RunningApp.AdminPassword);
        await desktop.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(desktop).ToHaveURLAsync(new Regex("/console$"));
        await Check(desktop, "/console", ".el-table__row");
        await Check(desktop, $"/console/tickets/{id}", ".timeline");
        foreach (var path in new[] { "/console/escalations", "/console/engineers", "/console/admin/calendars", "/console/admin/policies", "/console/admin/rules", "/console/admin/templates", "/console/dev/sms" })
            await Check(desktop, path, "h1");
        await Check(desktop, "/console/admin/lifecycle", "svg.state-diagram");

        var failing = findings.Where(f => f.Value.Count > 0).Select(f => $"{f.Key}:\n  {string.Join("\n  ", f.Value)}").ToList();
        Assert.True(failing.Count == 0, "axe findings:\n" + string.Join("\n", failing));
    }
}
