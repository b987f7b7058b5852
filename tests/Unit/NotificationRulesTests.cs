using ServerlessService.Core.Notifications;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.UnitTests;

public sealed class NotificationRulesTests
{
    private static readonly LifecycleOptions Options = new();

    [Theory]
    [InlineData("2026-11-25T23:30:00+08:00", "2026-11-26T08:00:00+08:00")]
    [InlineData("2026-11-26T07:59:00+08:00", "2026-11-26T08:00:00+08:00")]
    [InlineData("2026-11-25T22:00:00+08:00", "2026-11-26T08:00:00+08:00")]
    public void CustomerMessagesWaitForTheEndOfQuietHours(string now, string until) =>
        Assert.Equal(DateTimeOffset.Parse(until), Options.QuietUntil(DateTimeOffset.Parse(now)));

    [Theory]
    [InlineData("2026-11-25T08:00:00+08:00")]
    [InlineData("2026-11-25T21:59:00+08:00")]
    public void OutsideQuietHoursMessagesGoAtOnce(string now) => Assert.Null(Options.QuietUntil(DateTimeOffset.Parse(now)));

    [Fact]
    public void EqualStartAndEndTurnQuietHoursOff() =>
        Assert.Null(new LifecycleOptions { QuietHoursStart = TimeSpan.Zero, QuietHoursEnd = TimeSpan.Zero }.QuietUntil(DateTimeOffset.Parse("2026-11-25T03:00:00+08:00")));

    [Fact]
    public void TemplatesFillTheirPlaceholdersAndNameTheMetricInTheirLanguage()
    {
        var values = new Dictionary<string, string?> { ["ticketNumber"] = "261125-0001", ["priority"] = "P1", ["metric"] = "response", ["percent"] = "75", ["remaining"] = "00:15:00" };
        Assert.Equal("【售后服务】超时预警：工单 261125-0001（紧急）响应时限已用 75%，剩余 00:15:00。",
            MessageTemplates.Render(MessageTemplates.BuiltinText(MessageTemplates.SlaWarning, "zh-CN"), "zh-CN", values));
        Assert.Equal("SLA warning: ticket 261125-0001 (urgent) has used 75% of its response target; 00:15:00 left.",
            MessageTemplates.Render(MessageTemplates.BuiltinText(MessageTemplates.SlaWarning, "en"), "en", values));
    }

    [Fact]
    public void EveryBuiltinTextUsesOnlyItsOwnPlaceholders()
    {
        foreach (var (ev, allowed) in MessageTemplates.Placeholders)
            foreach (var language in MessageTemplates.Languages)
                Assert.Empty(MessageTemplates.Used(MessageTemplates.BuiltinText(ev, language)).Except(allowed));
    }
}
