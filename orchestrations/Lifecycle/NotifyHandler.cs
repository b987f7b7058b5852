using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessService.Core.Common;
using ServerlessService.Core.Engineers;
using ServerlessService.Core.Sms;

using ServerlessService.Orchestrations.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>
/// Sends a notification SMS to its audience: the assigned engineer, or the supervisor (the assignee's lead, else the
/// configured supervisor phones). Each recipient's SMS carries the outbox id as its idempotency key, so a retry
/// never sends twice.
/// </summary>
public sealed class NotifyHandler(IEngineerStore engineers, ISmsChannel sms, MessageRenderer renderer, IOptions<LifecycleOptions> options, ILogger<NotifyHandler> log)
    : IEffectHandler
{
    public const string KindName = "notify";
    public string Kind => KindName;

    public async Task HandleAsync(EffectWork item, CancellationToken ct)
    {
        var text = await renderer.TextAsync(item.Payload, ct);
        IReadOnlyList<string> phones = (string?)item.Payload["phone"] is { } direct ? [direct]
            : await RecipientsAsync((string?)item.Payload["audience"], (string?)item.Payload["engineerId"], ct);
        if (phones.Count == 0) log.LogWarning("Notification {Id} of {Ticket} has nobody to go to.", item.EffectId, item.TicketId);
        foreach (var phone in phones) await sms.SendAsync(phone, text, ct, idempotencyKey: item.EffectId + "|" + phone);
    }

    private async Task<IReadOnlyList<string>> RecipientsAsync(string? audience, string? engineerId, CancellationToken ct)
    {
        var engineer = engineerId is null ? null : (await engineers.GetIfExistsAsync(engineerId, ct))?.Value;
        if (audience == Notifications.Assignee) return engineer is null ? [] : [engineer.Phone];
        if (audience == Notifications.Dispatchers) return Normalized(options.Value.DispatcherPhones);
        var lead = engineer?.SupervisorId is { } s ? (await engineers.GetIfExistsAsync(s, ct))?.Value : null;
        if (lead is not null) return [lead.Phone];
        return Normalized(options.Value.SupervisorPhones);
    }

    private static List<string> Normalized(IEnumerable<string> phones) =>
        phones.Select(p => Phones.TryNormalize(p, out var e164) ? e164 : null).OfType<string>().Distinct().ToList();
}
