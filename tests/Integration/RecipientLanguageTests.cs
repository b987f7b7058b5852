using System.Net;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>SMS go in the recipient's language (their preference, else the deployment's, zh-CN here) with words, never codes, for fault categories and priorities.</summary>
public sealed class RecipientLanguageTests(LifecycleAppFixture app) : IClassFixture<LifecycleAppFixture>
{
    [Fact]
    public async Task ACustomerAndAnEngineerWhoPreferEnglishGetEnglishTextsAndOthersGetChineseWordsForTheCodes()
    {
        var admin = await app.Api().AsStaffAsync();
        var s = await SetupAsync(admin);
        var customerId = s.Customer["id"]!.GetValue<string>();
        var english = await Archive.EngineerAsync(admin);
        var chinese = await Archive.EngineerAsync(admin);
        var customerBody = new { name = s.Customer["name"]!.GetValue<string>(), phone = s.Customer["phone"]!.GetValue<string>(), tier = "standard", address = s.Customer["address"], language = "en" };
        (await admin.PutAsync($"/api/customers/{customerId}", customerBody)).AssertStatus(HttpStatusCode.OK);
        var engineerBody = new
        {
            name = english["name"]!.GetValue<string>(), phone = english["phone"]!.GetValue<string>(), skills = new[] { new { productLine = "boiler", level = 3 } },
            regions = new[] { "310104" }, language = "en",
        };
        (await admin.PutAsync($"/api/engineers/{english["id"]!.GetValue<string>()}", engineerBody)).AssertStatus(HttpStatusCode.OK);

        var first = await OpenLeakAsync(admin, s);
        (await ActAsync(admin, first, "assign", new { engineerId = english["id"]!.GetValue<string>() })).AssertStatus(HttpStatusCode.OK);
        var second = await OpenLeakAsync(admin, s);
        (await ActAsync(admin, second, "assign", new { engineerId = chinese["id"]!.GetValue<string>() })).AssertStatus(HttpStatusCode.OK);
        var (n1, n2) = ((await admin.GetAsync($"/api/tickets/{first}")).Str("number"), (await admin.GetAsync($"/api/tickets/{second}")).Str("number"));

        var en = await JobSmsAsync(admin, english["phone"]!.GetValue<string>(), n1);
        Assert.StartsWith($"New job {n1} (normal) leak, ", en);
        var zh = await JobSmsAsync(admin, chinese["phone"]!.GetValue<string>(), n2);
        Assert.StartsWith($"【售后服务】新工单 {n2}（普通）漏水漏油，", zh);
        var customer = await JobSmsAsync(admin, s.Customer["phone"]!.GetValue<string>(), n1, "received");
        Assert.StartsWith($"Your service request was received: ticket {n1}.", customer);
        var assigned = await JobSmsAsync(admin, s.Customer["phone"]!.GetValue<string>(), n1, "assigned");
        Assert.EndsWith("expected as soon as possible.", assigned);
    }

    [Fact]
    public async Task ALanguageWeHaveNoTextsForIsRefusedAndChangesNothing()
    {
        var admin = await app.Api().AsStaffAsync();
        var c = await Archive.CustomerAsync(admin);
        var id = c["id"]!.GetValue<string>();
        var bad = (await admin.PutAsync($"/api/customers/{id}", new { name = "改名", phone = c["phone"]!.GetValue<string>(), language = "fr" }))
            .AssertProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(bad.Json!["errors"]!["language"]);
        Assert.Equal(c["name"]!.GetValue<string>(), (await admin.GetAsync($"/api/customers/{id}")).Str("name"));
        (await admin.PostAsync("/api/engineers", new { name = "x", phone = Archive.NewPhone(), regions = new[] { "310104" }, language = "de" })).AssertProblem(HttpStatusCode.BadRequest);
    }

    private static async Task<string> OpenLeakAsync(Api admin, Setup s) =>
        (await admin.PostAsync("/api/tickets", new { serialNumber = s.Device["serialNumber"]!.GetValue<string>(), faultCategory = "leak", description = "冷却水泄漏，地面有水。", priority = "P3" }))
            .AssertStatus(HttpStatusCode.Created).Str("id");

    private static async Task<string> JobSmsAsync(Api admin, string phone, string number, string? containing = null)
    {
        var inbox = await EventuallyAsync(async () => (await admin.GetAsync("/api/dev/sms?to=" + Uri.EscapeDataString(phone))).Json!.AsArray()
            .Select(m => m!["body"]!.GetValue<string>()).Where(b => b.Contains(number) && (containing is null || b.Contains(containing))).ToList(), m => m.Count > 0);
        return Assert.Single(inbox);
    }
}
