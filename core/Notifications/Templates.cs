using System.Text.RegularExpressions;
using ServerlessService.Core.Common;
using ServerlessService.Core.Sms;

namespace ServerlessService.Core.Notifications;

/// <summary>A message template for one event in one language; Default is true while no admin has changed it.</summary>
public sealed record MessageTemplate(string Event, string Language, string Text, bool Default, IReadOnlyList<string> Placeholders, SmsLength Length);

public sealed record TemplateInput(string? Text);

/// <summary>
/// The events we send messages for, their placeholders and the built-in texts (zh-CN and en). Placeholders are
/// written {name}; an admin's text may use only the placeholders of its event.
/// </summary>
public static partial class MessageTemplates
{
    public const string TicketReceived = "ticket-received";
    public const string EngineerAssigned = "engineer-assigned";
    public const string EngineerJob = "engineer-job";
    public const string EngineerOnTheWay = "engineer-on-the-way";
    public const string TicketResolved = "ticket-resolved";
    public const string TicketClosed = "ticket-closed";
    public const string SlaWarning = "sla-warning";
    public const string SlaBreach = "sla-breach";
    public const string SlaEscalation = "sla-escalation";
    public const string DispatchHeld = "dispatch-held";
    public static readonly string[] Languages = ["zh-CN", "en"];

    private static readonly string[] Ticket = ["ticketNumber", "priority"];

    public static readonly IReadOnlyDictionary<string, string[]> Placeholders = new Dictionary<string, string[]>
    {
        [TicketReceived] = [.. Ticket, "serialNumber"],
        [EngineerAssigned] = [.. Ticket, "engineerName", "window"],
        [EngineerJob] = [.. Ticket, "faultCategory", "address", "link"],
        [EngineerOnTheWay] = [.. Ticket, "engineerName"],
        [TicketResolved] = [.. Ticket, "link"],
        [TicketClosed] = [.. Ticket],
        [SlaWarning] = [.. Ticket, "metric", "percent", "remaining"],
        [SlaBreach] = [.. Ticket, "metric"],
        [SlaEscalation] = [.. Ticket, "metric", "percent", "level"],
        [DispatchHeld] = [.. Ticket, "reason"],
    };

    private static readonly Dictionary<(string, string), string> Builtin = new()
    {
        [(TicketReceived, "zh-CN")] = "【售后服务】您的报修已受理，工单号 {ticketNumber}，我们将尽快安排工程师。",
        [(TicketReceived, "en")] = "Your service request was received: ticket {ticketNumber}. We will assign an engineer shortly.",
        [(EngineerAssigned, "zh-CN")] = "【售后服务】工单 {ticketNumber} 已派工程师 {engineerName}，预计上门时间 {window}。",
        [(EngineerAssigned, "en")] = "Ticket {ticketNumber}: engineer {engineerName} is assigned, expected {window}.",
        [(EngineerJob, "zh-CN")] = "【售后服务】新工单 {ticketNumber}（{priority}）{faultCategory}，{address}。接单：{link}",
        [(EngineerJob, "en")] = "New job {ticketNumber} ({priority}) {faultCategory}, {address}. Open: {link}",
        [(EngineerOnTheWay, "zh-CN")] = "【售后服务】工程师 {engineerName} 已出发前往处理工单 {ticketNumber}。",
        [(EngineerOnTheWay, "en")] = "Engineer {engineerName} is on the way for ticket {ticketNumber}.",
        [(TicketResolved, "zh-CN")] = "【售后服务】工单 {ticketNumber} 已完工，请确认并评价：{link}",
        [(TicketResolved, "en")] = "Ticket {ticketNumber} is resolved. Please confirm and rate: {link}",
        [(TicketClosed, "zh-CN")] = "【售后服务】工单 {ticketNumber} 已关闭，感谢您的支持。",
        [(TicketClosed, "en")] = "Ticket {ticketNumber} is closed. Thank you.",
        [(SlaWarning, "zh-CN")] = "【售后服务】超时预警：工单 {ticketNumber}（{priority}）{metric}已用 {percent}%，剩余 {remaining}。",
        [(SlaWarning, "en")] = "SLA warning: ticket {ticketNumber} ({priority}) has used {percent}% of its {metric}; {remaining} left.",
        [(SlaBreach, "zh-CN")] = "【售后服务】超时：工单 {ticketNumber}（{priority}）已超出{metric}。",
        [(SlaBreach, "en")] = "SLA breach: ticket {ticketNumber} ({priority}) missed its {metric}.",
        [(SlaEscalation, "zh-CN")] = "【售后服务】升级（第 {level} 级）：工单 {ticketNumber}（{priority}）{metric}已达 {percent}%。",
        [(SlaEscalation, "en")] = "Escalation level {level}: ticket {ticketNumber} ({priority}) is at {percent}% of its {metric}.",
        [(DispatchHeld, "zh-CN")] = "【售后服务】待人工派单：工单 {ticketNumber}（{priority}）没有可自动派出的工程师（{reason}）。",
        [(DispatchHeld, "en")] = "Manual dispatch needed: ticket {ticketNumber} ({priority}) — {reason}.",
    };

    public static string BuiltinText(string ev, string language) => Builtin[(ev, language)];

    /// <summary>Fills the placeholders; codes (fault category, priority, SLA metric, "asap") become the language's words (<see cref="MessageVocabulary"/>).</summary>
    public static string Render(string text, string language, IReadOnlyDictionary<string, string?> values) =>
        Placeholder().Replace(text, m =>
        {
            var key = m.Groups[1].Value;
            return values.TryGetValue(key, out var v) ? MessageVocabulary.Word(key, v ?? "", language) : m.Value;
        });

    /// <summary>The language to write to a recipient in: their own when it is one we have texts for, else the deployment's.</summary>
    public static string LanguageFor(string? preferred, string deployment) => preferred is not null && Languages.Contains(preferred) ? preferred : deployment;

    public static IReadOnlyList<string> Used(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();
}

/// <summary>Admins change template texts; everyone else reads the built-in ones until they do.</summary>
public sealed class TemplateService(ITemplateStore store)
{
    public async Task<string> TextAsync(string ev, string language, CancellationToken ct) =>
        await store.GetTextAsync(ev, language, ct) ?? MessageTemplates.BuiltinText(ev, language);

    public async Task<IReadOnlyList<MessageTemplate>> ListAsync(Caller caller, CancellationToken ct)
    {
        if (!caller.Can(Permission.ReadAll)) throw new ForbiddenException("Only staff read message templates.");
        var stored = await store.ListAsync(ct);
        return MessageTemplates.Placeholders.Keys.SelectMany(ev => MessageTemplates.Languages.Select(lang =>
            View(ev, lang, stored.GetValueOrDefault((ev, lang)) ?? MessageTemplates.BuiltinText(ev, lang), !stored.ContainsKey((ev, lang))))).ToList();
    }

    public async Task<MessageTemplate> PutAsync(Caller caller, string ev, string language, TemplateInput input, CancellationToken ct)
    {
        if (!caller.Can(Permission.ManageNotifications)) throw new ForbiddenException("Only admins change message templates.");
        var text = Checked(ev, language, input);
        await store.SaveAsync(ev, language, text, ct);
        return View(ev, language, text, false);
    }

    /// <summary>The template as it would be saved, with its SMS length, without saving it: the editor's live count.</summary>
    public static MessageTemplate Preview(Caller caller, string ev, string language, TemplateInput input)
    {
        if (!caller.Can(Permission.ReadAll)) throw new ForbiddenException("Only staff read message templates.");
        return View(ev, language, Checked(ev, language, input), false);
    }

    private static string Checked(string ev, string language, TemplateInput input)
    {
        if (!MessageTemplates.Placeholders.TryGetValue(ev, out var allowed)) throw new NotFoundException("Template", ev);
        if (!MessageTemplates.Languages.Contains(language)) throw new NotFoundException("Template language", language);
        var check = new Check();
        var text = check.Text("text", input.Text, 500);
        foreach (var unknown in text is null ? [] : MessageTemplates.Used(text).Except(allowed))
            check.Add("text", $"{{{unknown}}} is not a placeholder of '{ev}'; use: {string.Join(", ", allowed.Select(a => "{" + a + "}"))}.");
        check.ThrowIfAny();
        return text!;
    }

    public async Task<MessageTemplate> ResetAsync(Caller caller, string ev, string language, CancellationToken ct)
    {
        if (!caller.Can(Permission.ManageNotifications)) throw new ForbiddenException("Only admins change message templates.");
        if (!MessageTemplates.Placeholders.ContainsKey(ev) || !MessageTemplates.Languages.Contains(language)) throw new NotFoundException("Template", ev);
        await store.DeleteIfExistsAsync(ev, language, ct);
        return View(ev, language, MessageTemplates.BuiltinText(ev, language), true);
    }

    private static MessageTemplate View(string ev, string language, string text, bool isDefault) =>
        new(ev, language, text, isDefault, MessageTemplates.Placeholders[ev], SmsSegments.Measure(text));
}
