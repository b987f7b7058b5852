using ServerlessService.Core.Common;
using ServerlessService.Core.Notifications;
using ServerlessService.UnitTests.Fakes;

namespace ServerlessService.UnitTests;

public sealed class TemplateServiceTests
{
    private static readonly Caller Admin = new("admin", Roles.Admin);
    private static readonly Caller Dispatcher = new("dispatcher", Roles.Dispatcher);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly InMemoryTemplateStore _store = new();
    private readonly TemplateService _templates;

    public TemplateServiceTests() => _templates = new TemplateService(_store);

    [Fact]
    public async Task AnAdminsTextIsSentInsteadOfTheBuiltInOneUntilItIsReset()
    {
        const string text = "工单 {ticketNumber} 已关闭。";
        var saved = await _templates.PutAsync(Admin, MessageTemplates.TicketClosed, "zh-CN", new TemplateInput(text), Ct);

        Assert.False(saved.Default);
        Assert.Equal(text, await _templates.TextAsync(MessageTemplates.TicketClosed, "zh-CN", Ct));
        Assert.Equal(MessageTemplates.BuiltinText(MessageTemplates.TicketClosed, "en"), await _templates.TextAsync(MessageTemplates.TicketClosed, "en", Ct));
        var list = await _templates.ListAsync(Dispatcher, Ct);
        Assert.Equal(MessageTemplates.Placeholders.Count * MessageTemplates.Languages.Length, list.Count);
        Assert.Equal([(MessageTemplates.TicketClosed, "zh-CN")], list.Where(t => !t.Default).Select(t => (t.Event, t.Language)));

        var reset = await _templates.ResetAsync(Admin, MessageTemplates.TicketClosed, "zh-CN", Ct);

        Assert.True(reset.Default);
        Assert.Equal(MessageTemplates.BuiltinText(MessageTemplates.TicketClosed, "zh-CN"), await _templates.TextAsync(MessageTemplates.TicketClosed, "zh-CN", Ct));
    }

    [Fact]
    public async Task APlaceholderOfAnotherEventIsRefusedAndTheTemplateStaysAsItWas()
    {
        var e = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            _templates.PutAsync(Admin, MessageTemplates.TicketClosed, "en", new TemplateInput("Closed {ticketNumber} by {engineerName}"), Ct));

        Assert.Contains("{engineerName}", e.Errors["text"].Single());
        Assert.Empty(_store.Rows);
    }

    [Fact]
    public async Task OnlyAdminsChangeTemplatesAndUnknownEventsOrLanguagesAreNotFound()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => _templates.PutAsync(Dispatcher, MessageTemplates.TicketClosed, "en", new TemplateInput("Closed."), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => _templates.ResetAsync(Dispatcher, MessageTemplates.TicketClosed, "en", Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => _templates.PutAsync(Admin, "no-such-event", "en", new TemplateInput("x"), Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => _templates.PutAsync(Admin, MessageTemplates.TicketClosed, "fr", new TemplateInput("x"), Ct));
        Assert.Empty(_store.Rows);
    }
}
