using System.Net;
using System.Text.RegularExpressions;
using ServerlessService.Api.Resources;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>Server messages — problems, field errors, refusals, timeline reasons — in the language the caller asks for (Accept-Language).</summary>
public sealed partial class ServerLanguageTests(LifecycleAppFixture app) : IClassFixture<LifecycleAppFixture>
{
    [Fact]
    public async Task AChineseCallerGetsValidationErrorsNotFoundAndSignInFailuresInChineseAndAnEnglishOneInEnglish()
    {
        var admin = await app.Api().AsStaffAsync();
        var zh = admin.InLanguage("zh-CN,zh;q=0.9");
        var bad = (await zh.PostAsync("/api/customers", new { name = "", phone = "12345" })).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal("有字段填写不正确。", bad.Json!["title"]!.GetValue<string>());
        Assert.Equal("必填。", bad.Json!["errors"]!["name"]![0]!.GetValue<string>());
        Assert.Equal("不是有效的手机号，例如 +8613800138000。", bad.Json!["errors"]!["phone"]![0]!.GetValue<string>());
        var en = (await admin.InLanguage("en").PostAsync("/api/customers", new { name = "", phone = "12345" })).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal("is required.", en.Json!["errors"]!["name"]![0]!.GetValue<string>());

        var missing = (await zh.GetAsync("/api/customers/cus-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b1")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal("找不到客户。", missing.Json!["title"]!.GetValue<string>());
        Assert.Equal("客户“cus-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b1”不存在，或您无权查看。", missing.Json!["detail"]!.GetValue<string>());

        var login = await app.Api().InLanguage("zh-CN").PostAsync("/api/auth/login", new { username = "admin", password = "not-the-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.Status);
        Assert.Equal("用户名或密码错误。", login.Json!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARefusedActionAndTheDispatchReasonOnTheTimelineReadInChinese()
    {
        var admin = await app.Api().AsStaffAsync();
        var zh = admin.InLanguage("zh-CN");
        var s = await SetupAsync(admin);
        await Archive.EngineerAsync(admin);
        var id = await OpenAsync(s, "P3");
        var refused = (await zh.PostAsync($"/api/tickets/{id}/resolve", new { cause = "x", solution = "y", laborMinutes = 10 })).AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("工单当前状态不允许此操作。", refused.Json!["title"]!.GetValue<string>());
        Assert.Equal("工单当前为“已受理”，不能“完工”。现在可以：派单、取消、调整优先级。", refused.Json!["detail"]!.GetValue<string>());

        // Nobody is skilled on the test's own product line, so automatic dispatch holds the ticket and says why.
        var held = await EventuallyAsync(async () => (await zh.GetAsync($"/api/tickets/{id}/timeline")).Json!.AsArray().Kind("dispatch-held").ToList(), h => h.Count > 0);
        var reason = Assert.Single(held)!["reason"]!.GetValue<string>();
        Assert.StartsWith("没有符合条件的工程师：", reason);
        Assert.False(EnglishWords().IsMatch(reason), reason);
        var english = (await admin.InLanguage("en").GetAsync($"/api/tickets/{id}/timeline")).Json!.AsArray().Kind("dispatch-held").Single()!["reason"]!.GetValue<string>();
        Assert.StartsWith("no eligible engineer: ", english);
    }

    [Fact]
    public void EveryTemplateInTheCatalogueKeepsItsPlaceholders()
    {
        foreach (var (english, chinese) in ServerText.Entries())
        {
            var wanted = Placeholders().Matches(english).Select(m => m.Value).Order().ToList();
            Assert.True(wanted.SequenceEqual(Placeholders().Matches(chinese).Select(m => m.Value).Order()), $"'{english}' → '{chinese}'");
        }
    }

    /// <summary>Two English words in a row: a sentence, not a code such as noise or P1.</summary>
    [GeneratedRegex(@"[A-Za-z]{2,} [A-Za-z]{2,}")]
    private static partial Regex EnglishWords();

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex Placeholders();
}
