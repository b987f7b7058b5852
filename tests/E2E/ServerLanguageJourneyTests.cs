using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static ServerlessService.E2ETests.PortalApi;

namespace ServerlessService.E2ETests;

/// <summary>A customer's journey on a Chinese page, reading every answer the server gives: no English sentence comes back.</summary>
public sealed partial class ServerLanguageJourneyTests(PortalFixture portal)
{
    [Fact]
    public async Task OnAChinesePageEveryServerMessageOfTheJourneyIsChinese()
    {
        using var admin = await AdminAsync(portal.App);
        var phone = "+8613800134" + Random.Shared.Next(100, 999);
        var line = "pl-" + Guid.NewGuid().ToString("N")[..8];
        var customer = await CustomerAsync(admin, "冯女士", phone);
        await DeviceAsync(admin, "SN-L-" + line, line, customer);
        var page = await portal.PageAsync("zh-CN");
        var answers = new List<Task<string>>();
        page.Response += (_, r) => { if (r.Url.Contains("/api/") && !r.Url.Contains("/photos")) lock (answers) answers.Add(r.TextAsync()); };

        // A wrong code first: the refusal is the server's, in Chinese.
        await page.GotoAsync(portal.Url("/sign-in"));
        await page.GetByLabel("手机号").FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "验证码已发送" })).ToBeVisibleAsync();
        var code = await SmsAsync(admin, phone, "验证码", new Regex(@"\d{6}"));
        await page.GetByLabel("验证码").FillAsync(code == "000000" ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByText("验证码错误，还可以再试")).ToBeVisibleAsync();
        await page.GetByLabel("验证码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        // The report, and its ticket page with the timeline (automatic dispatch holds it: nobody is skilled on the line).
        await page.GetByRole(AriaRole.Button, new() { Name = "报修", Exact = true }).ClickAsync();
        await page.GetByLabel("故障类型").SelectOptionAsync("leak");
        await page.GetByLabel("故障描述").FillAsync("冷却水泄漏，地面有积水");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交报修" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/my/tickets/tkt-"));
        await Assertions.Expect(page.Locator(".timeline li").First).ToContainTextAsync("已受理", new() { Timeout = 25_000 });

        // A job link that is not valid.
        await page.GotoAsync(portal.Url("/e/AAAAAAAAAA"));
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("此派工链接无效，请联系调度员重新发送。");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.Screenshots, "server-language-link-zh.png") });

        Task<string>[] pending;
        lock (answers) pending = [.. answers];
        var texts = (await Task.WhenAll(pending.Select(async t => { try { return await t; } catch (PlaywrightException) { return ""; } })))
            .SelectMany(ServerSentences).ToList();
        Assert.True(texts.Count >= 3, $"the journey met only {texts.Count} server messages");
        Assert.All(texts, t => Assert.False(EnglishSentence().IsMatch(t), $"English from the server: {t}"));
    }

    /// <summary>The sentences a server answer carries for people: a problem's title, detail and field errors, a timeline's reasons.</summary>
    private static IEnumerable<string> ServerSentences(string body)
    {
        JsonNode? json;
        try { json = JsonNode.Parse(body); } catch (System.Text.Json.JsonException) { yield break; }
        if (json is JsonObject problem && problem["title"] is not null && problem["status"] is JsonValue)
        {
            yield return (string)problem["title"]!;
            if (problem["detail"] is JsonValue d) yield return (string)d!;
            foreach (var (_, list) in problem["errors"]?.AsObject() ?? [])
                foreach (var m in list!.AsArray()) yield return (string)m!;
        }
        if (json is JsonArray timeline)
            foreach (var e in timeline)
                if (e is JsonObject entry && entry["kind"] is not null && entry["reason"] is JsonValue r && entry["actorRole"]?.ToString() == "system") yield return (string)r!;
    }

    /// <summary>Two English words in a row: a sentence, not a code such as P1 or leak.</summary>
    [GeneratedRegex(@"[A-Za-z]{2,} [A-Za-z]{2,}")]
    private static partial Regex EnglishSentence();
}
