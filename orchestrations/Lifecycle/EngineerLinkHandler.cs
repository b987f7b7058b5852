using System.Text.Json.Nodes;
using ServerlessService.Core.Engineers;
using ServerlessService.Core.Links;
using ServerlessService.Core.Sms;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>
/// Sends the assigned engineer their job link by SMS (engineer-job template, in their language), or revokes an engineer's links when
/// the job is taken from them. The outbox id seeds the link and keys the SMS, so a retry repeats nothing.
/// </summary>
public sealed class EngineerLinkHandler(TicketRecords records, EngineerLinkService links, IEngineerStore engineers, ISmsChannel sms,
    MessageRenderer renderer) : IEffectHandler
{
    public const string KindName = "engineer-link";
    public string Kind => KindName;

    public static EffectRequest Send(string engineerId) => new(KindName, new JsonObject { ["op"] = "send", ["engineerId"] = engineerId });
    public static EffectRequest Revoke(string engineerId) => new(KindName, new JsonObject { ["op"] = "revoke", ["engineerId"] = engineerId });

    public async Task HandleAsync(EffectWork item, CancellationToken ct)
    {
        var engineerId = (string)item.Payload["engineerId"]!;
        if ((string?)item.Payload["op"] == "revoke")
        {
            await links.RevokeAsync(item.TicketId, engineerId, ct);
            return;
        }
        var ticket = (await records.GetIfExistsAsync(item.TicketId, ct))?.Ticket;
        if (ticket is null || ticket.AssignedEngineerId != engineerId) return;
        var engineer = (await engineers.GetIfExistsAsync(engineerId, ct))?.Value;
        if (engineer is null) return;
        var link = await links.CreateAsync(engineerId, ticket.Id, item.EffectId, ct);
        var text = await renderer.TextAsync(new JsonObject
        {
            ["event"] = Core.Notifications.MessageTemplates.EngineerJob,
            ["values"] = Notifications.Values(ticket, ("faultCategory", ticket.FaultCategory), ("address", ticket.SiteAddress.Line), ("link", "/e/" + link.Code)),
        }, ct, engineer.Language);
        await sms.SendAsync(engineer.Phone, text, ct, idempotencyKey: item.EffectId);
    }
}
