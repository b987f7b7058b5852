using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessService.Core.Common;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations;
using ServerlessService.Orchestrations.Lifecycle;
using ServerlessService.Orchestrations.Lifecycle.Actions;

namespace ServerlessService.UnitTests;

/// <summary>Engineers' quiet hours, held messages that the ticket outgrew, and the words messages use for codes.</summary>
public sealed class QuietHoursTests
{
    private const string EngineerId = "eng-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b1";
    private const string OtherEngineer = "eng-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b9";
    private static readonly DateTimeOffset Night = DateTimeOffset.Parse("2026-11-25T23:30:00+08:00");
    private static readonly Caller Dispatcher = new("dispatcher", Roles.Dispatcher);
    private static readonly LifecycleOptions Options = new()
    {
        EngineerQuietHoursStart = LifecycleOptions.DefaultEngineerQuietHoursStart, EngineerQuietHoursEnd = LifecycleOptions.DefaultEngineerQuietHoursEnd,
    };

    private static Ticket Ticket(string priority, TicketStatus status = TicketStatus.Submitted, string? engineer = null) =>
        new("tkt-1", "261125-0001", status, priority, "SN-1", true, "cus-1", "AirPro 75", "air-compressor", null, "leak", "漏水", "+8613800138000",
            new Address("310104", "上海市", null, null), null, engineer, "dispatcher", Night, Night);

    private static EffectRequest JobLinkOf(string priority, DateTimeOffset now)
    {
        var ctx = new StepContext(DefinitionStore.BuiltIn, Options, now, [], new Dictionary<string, Core.Sla.BusinessCalendar>());
        var step = TicketEngine.Act(new TicketState(Ticket(priority), 1, TicketState.NoTimers), TicketActions.Of(ActionKind.Assign),
            new ActionInput(EngineerId: EngineerId), Dispatcher, ctx);
        return step.Effects.Single(e => e.Kind == EngineerLinkHandler.KindName);
    }

    [Theory]
    [InlineData("P3")]
    [InlineData("P4")]
    public void AJobSmsForP3OrP4AtNightWaitsForTheEndOfTheEngineersQuietHours(string priority) =>
        Assert.Equal(DateTimeOffset.Parse("2026-11-26T07:00:00+08:00"), JobLinkOf(priority, Night).NotBefore);

    [Theory]
    [InlineData("P1")]
    [InlineData("P2")]
    public void AJobSmsForP1OrP2GoesAtOnceEvenAtNight(string priority) => Assert.Null(JobLinkOf(priority, Night).NotBefore);

    [Fact]
    public void InTheDayEveryJobSmsGoesAtOnce() => Assert.Null(JobLinkOf("P4", DateTimeOffset.Parse("2026-11-25T10:00:00+08:00")).NotBefore);

    [Fact]
    public void EngineersHaveQuietHoursUnlessConfiguredOtherwiseAndOptionsRecordedBeforeThemHaveNone()
    {
        var configured = new ServiceCollection().AddOptions().AddServerlessServiceOrchestrations().BuildServiceProvider()
            .GetRequiredService<IOptions<LifecycleOptions>>().Value;
        Assert.Equal(TimeSpan.FromHours(22), configured.EngineerQuietHoursStart);
        Assert.Equal(TimeSpan.FromHours(7), configured.EngineerQuietHoursEnd);
        Assert.Null(new LifecycleOptions().EngineerQuietUntil(Night));
    }

    [Fact]
    public void AHeldCustomerMessageIsDroppedOnceTheTicketsStatusChanged()
    {
        var received = CustomerMessage(Ticket("P3"));
        Assert.False(QuietHours.IsStale(received, Ticket("P3")));
        Assert.True(QuietHours.IsStale(received, Ticket("P3", TicketStatus.Cancelled)));
        Assert.True(QuietHours.IsStale(received, Ticket("P3", TicketStatus.Assigned, EngineerId)));
        // Held before messages carried the status: sent as before.
        var old = received with { Payload = (System.Text.Json.Nodes.JsonObject)received.Payload.DeepClone() };
        old.Payload.Remove("status");
        Assert.False(QuietHours.IsStale(old, Ticket("P3", TicketStatus.Closed)));
    }

    [Fact]
    public void AHeldJobLinkIsDroppedWhenTheJobWentToSomeoneElseOrTheTicketIsDone()
    {
        var link = EngineerLinkHandler.Send(EngineerId);
        Assert.False(QuietHours.IsStale(link, Ticket("P3", TicketStatus.Assigned, EngineerId)));
        Assert.True(QuietHours.IsStale(link, Ticket("P3", TicketStatus.Assigned, OtherEngineer)));
        Assert.True(QuietHours.IsStale(link, Ticket("P3", TicketStatus.Cancelled, EngineerId)));
        Assert.False(QuietHours.IsStale(EngineerLinkHandler.Revoke(EngineerId), Ticket("P3", TicketStatus.Cancelled, EngineerId)));
    }

    [Theory]
    [InlineData("zh-CN", "【售后服务】新工单 261125-0001（普通）漏水漏油，上海市。接单：https://x/e/1")]
    [InlineData("en", "New job 261125-0001 (normal) leak, 上海市. Open: https://x/e/1")]
    public void JobTextsNameTheFaultCategoryAndPriorityInTheRecipientsLanguage(string language, string expected)
    {
        var values = new Dictionary<string, string?> { ["ticketNumber"] = "261125-0001", ["priority"] = "P3", ["faultCategory"] = "leak", ["address"] = "上海市", ["link"] = "https://x/e/1" };
        Assert.Equal(expected, MessageTemplates.Render(MessageTemplates.BuiltinText(MessageTemplates.EngineerJob, language), language, values));
    }

    [Theory]
    [InlineData("en", "zh-CN", "en")]
    [InlineData(null, "zh-CN", "zh-CN")]
    [InlineData("fr", "en", "en")]
    public void ARecipientGetsTheirOwnLanguageElseTheDeployments(string? preferred, string deployment, string expected) =>
        Assert.Equal(expected, MessageTemplates.LanguageFor(preferred, deployment));

    [Fact]
    public void AVisitWithoutAPreferredWindowReadsAsSoonAsPossibleInEitherLanguage()
    {
        var values = new Dictionary<string, string?> { ["ticketNumber"] = "1", ["priority"] = "P2", ["engineerName"] = "王工", ["window"] = MessageVocabulary.Asap };
        Assert.EndsWith("预计上门时间 尽快。", MessageTemplates.Render(MessageTemplates.BuiltinText(MessageTemplates.EngineerAssigned, "zh-CN"), "zh-CN", values));
        Assert.EndsWith("expected as soon as possible.", MessageTemplates.Render(MessageTemplates.BuiltinText(MessageTemplates.EngineerAssigned, "en"), "en", values));
    }

    private static EffectRequest CustomerMessage(Ticket t) =>
        TicketEngine.Start(t, null, new StepContext(DefinitionStore.BuiltIn, Options, Night, [], new Dictionary<string, Core.Sla.BusinessCalendar>()))
            .Effects.Single(e => e.Kind == NotifyHandler.KindName && (string?)e.Payload["audience"] == "customer");
}
