using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessService.Core.Common;
using ServerlessService.Core.Customers;
using ServerlessService.Core.Engineers;
using ServerlessService.Core.Sms;

using ServerlessService.Orchestrations.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>
/// Sends a notification SMS to its audience: the ticket's customer, the assigned engineer, or the supervisor (the
/// assignee's lead, else the configured supervisor phones), each in their own language. Each recipient's SMS carries
/// the outbox id as its idempotency key, so a retry never sends twice.
/// </summary>
public sealed class NotifyHandler(IEngineerStore engineers, ICustomerStore customers, ISmsChannel sms, MessageRenderer renderer, IOptions<LifecycleOptions> options,
    ILogger<NotifyHandler> log) : IEffectHandler
{
    public const string KindName = "notify";
    public string Kind => KindName;

    private sealed record Recipient(string Phone, string? Language);

    public async Task HandleAsync(EffectWork item, CancellationToken ct)
    {
        var recipients = (string?)item.Payload["phone"] is { } direct
            ? [new Recipient(direct, await CustomerLanguageAsync((string?)item.Payload["customerId"], ct))]
            : await RecipientsAsync((string?)item.Payload["audience"], (string?)item.Payload["engineerId"], ct);
        if (recipients.Count == 0) log.LogWarning("Notification {Id} of {Ticket} has nobody to go to.", item.EffectId, item.TicketId);
        var texts = new Dictionary<string, string>();
        foreach (var r in recipients)
        {
            var language = renderer.LanguageFor(r.Language);
            if (!texts.TryGetValue(language, out var text)) texts[language] = text = await renderer.TextAsync(item.Payload, ct, language);
            await sms.SendAsync(r.Phone, text, ct, idempotencyKey: item.EffectId + "|" + r.Phone);
        }
    }

    /// <summary>Messages decided before customers had a language carry no customer id: they go in the deployment's.</summary>
    private async Task<string?> CustomerLanguageAsync(string? customerId, CancellationToken ct) =>
        customerId is null ? null : (await customers.GetIfExistsAsync(customerId, ct))?.Value.Language;

    private async Task<IReadOnlyList<Recipient>> RecipientsAsync(string? audience, string? engineerId, CancellationToken ct)
    {
        var engineer = engineerId is null ? null : (await engineers.GetIfExistsAsync(engineerId, ct))?.Value;
        if (audience == Notifications.Assignee) return engineer is null ? [] : [new Recipient(engineer.Phone, engineer.Language)];
        if (audience == Notifications.Dispatchers) return Normalized(options.Value.DispatcherPhones);
        var lead = engineer?.SupervisorId is { } s ? (await engineers.GetIfExistsAsync(s, ct))?.Value : null;
        if (lead is not null) return [new Recipient(lead.Phone, lead.Language)];
        return Normalized(options.Value.SupervisorPhones);
    }

    private static List<Recipient> Normalized(IEnumerable<string> phones) =>
        phones.Select(p => Phones.TryNormalize(p, out var e164) ? e164 : null).OfType<string>().Distinct().Select(p => new Recipient(p, null)).ToList();
}
