using System.Net;
using System.Text.Json.Nodes;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>Quiet hours that started an hour ago and end a few seconds after the app starts, for customers and engineers alike.</summary>
public sealed class QuietHoursAppFixture(AzuriteFixture azurite) : AppFixture(azurite)
{
    /// <summary>When the quiet hours end (UTC, whole seconds).</summary>
    public DateTimeOffset QuietEnd { get; } = DateTimeOffset.UtcNow.AddSeconds(40);

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
            var end = TimeZoneInfo.ConvertTime(QuietEnd, zone).TimeOfDay;
            var start = TimeZoneInfo.ConvertTime(QuietEnd.AddHours(-2), zone).TimeOfDay;
            var s = FastSettings();
            s["LifecycleOptions:TimeZone"] = "Asia/Shanghai";
            s["LifecycleOptions:QuietHoursStart"] = s["LifecycleOptions:EngineerQuietHoursStart"] = start.ToString(@"hh\:mm\:ss");
            s["LifecycleOptions:QuietHoursEnd"] = s["LifecycleOptions:EngineerQuietHoursEnd"] = end.ToString(@"hh\:mm\:ss");
            return s;
        }
    }
}

/// <summary>
/// Messages held through quiet hours: customer messages for non-P1 tickets and job SMS for P3/P4 wait; when the quiet
/// hours end, what the ticket outgrew meanwhile is dropped (no "engineer assigned" for a cancelled ticket) and the rest goes.
/// </summary>
public sealed class HeldMessagesTests(QuietHoursAppFixture app) : IClassFixture<QuietHoursAppFixture>
{
    [Fact]
    public async Task HeldMessagesTheTicketOutgrewAreDroppedAndTheRestGoWhenQuietHoursEndWhileP1JobsGoAtOnce()
    {
        var admin = await app.Api().AsStaffAsync();
        var s = await SetupAsync(admin);
        var engineer = await Archive.EngineerAsync(admin);
        var engineerId = engineer["id"]!.GetValue<string>();
        var customerPhone = s.Customer["phone"]!.GetValue<string>();
        var engineerPhone = engineer["phone"]!.GetValue<string>();

        // A: received, assigned and cancelled during quiet hours. B: received and still waiting. C (P1) and D (P3) go to the engineer.
        var a = await OpenAsync(s, "P3");
        (await ActAsync(admin, a, "assign", new { engineerId })).AssertStatus(HttpStatusCode.OK);
        (await ActAsync(admin, a, "cancel", new { reason = "客户来电取消" })).AssertStatus(HttpStatusCode.OK);
        var b = await OpenAsync(s, "P3");
        var c = await OpenAsync(s, "P1");
        (await ActAsync(admin, c, "assign", new { engineerId })).AssertStatus(HttpStatusCode.OK);
        var d = await OpenAsync(s, "P3");
        (await ActAsync(admin, d, "assign", new { engineerId })).AssertStatus(HttpStatusCode.OK);
        var (na, nb, nc, nd) = (await NumberAsync(admin, a), await NumberAsync(admin, b), await NumberAsync(admin, c), await NumberAsync(admin, d));

        // During quiet hours only the P1 ticket's messages went out.
        var early = await EventuallyAsync(() => InboxAsync(admin, engineerPhone), m => m.Any(t => t.Contains(nc)));
        Assert.Contains(early, t => t.Contains(nc));
        Assert.DoesNotContain(early, t => t.Contains(nd));
        Assert.True(DateTimeOffset.UtcNow < app.QuietEnd, "the setup must finish inside the quiet hours");
        var customerEarly = await InboxAsync(admin, customerPhone);
        Assert.Contains(customerEarly, t => t.Contains(nc));
        Assert.DoesNotContain(customerEarly, t => t.Contains(na) || t.Contains(nb) || t.Contains(nd));

        // When they end: D's job SMS and B's "received" go; none of A's.
        var late = await EventuallyAsync(() => InboxAsync(admin, engineerPhone), m => m.Any(t => t.Contains(nd)), TimeSpan.FromSeconds(90));
        Assert.Contains(late, t => t.Contains(nd));
        var customerLate = await EventuallyAsync(() => InboxAsync(admin, customerPhone), m => m.Any(t => t.Contains(nb)), TimeSpan.FromSeconds(30));
        Assert.Contains(customerLate, t => t.Contains(nb));
        var messagesOfA = await EventuallyAsync(() => MessagesAsync(admin, a), m => m.All(x => x!["status"]!.GetValue<string>() != "queued"));
        var held = messagesOfA.Where(m => (m!["kind"]!.GetValue<string>(), m["audience"]?.GetValue<string>(), m["event"]?.GetValue<string>()) is ("notify", "customer", _) or ("engineer-link", _, "send")).ToList();
        Assert.Equal(3, held.Count); // received, assigned (customer) and the job link
        Assert.All(held, m => Assert.Equal("dropped", m!["status"]!.GetValue<string>()));
        Assert.DoesNotContain(await InboxAsync(admin, customerPhone), t => t.Contains(na));
        Assert.DoesNotContain(await InboxAsync(admin, engineerPhone), t => t.Contains(na));
    }

    private static async Task<string> NumberAsync(Api api, string id) => (await api.GetAsync($"/api/tickets/{id}")).Str("number");

    private static async Task<List<string>> InboxAsync(Api api, string phone) =>
        (await api.GetAsync("/api/dev/sms?to=" + Uri.EscapeDataString(phone))).AssertStatus(HttpStatusCode.OK).Json!.AsArray()
            .Select(m => m!["body"]!.GetValue<string>()).ToList();

    private static async Task<JsonArray> MessagesAsync(Api api, string id) =>
        (await api.GetAsync($"/api/tickets/{id}/messages")).AssertStatus(HttpStatusCode.OK).Json!.AsArray();
}
