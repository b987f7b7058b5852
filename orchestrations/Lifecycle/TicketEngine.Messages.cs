using System.Text.Json.Nodes;
using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>What a step tells people: job links for engineers, and the customer's messages.</summary>
public static partial class TicketEngine
{
    /// <summary>Job links for the engineer who gets the job (revoked from one who loses it), and the customer's messages.</summary>
    private static void Messages(Step<Ticket> step, Ticket before, Ticket after, string ev, StepContext ctx)
    {
        if (before.AssignedEngineerId is { } gone && gone != after.AssignedEngineerId) step.Effects.Add(EngineerLinkHandler.Revoke(gone));
        if (after.AssignedEngineerId is { } engineer && (engineer != before.AssignedEngineerId || (ev == "reopen" && after.Status == "Assigned")))
            step.Effects.Add(EngineerLinkHandler.Send(engineer));
        var customer = ev switch
        {
            "assign" when after.AssignedEngineerId != before.AssignedEngineerId =>
                (MessageTemplates.EngineerAssigned, Notifications.Values(after, ("window", Window(after, ctx)))),
            "depart" => (MessageTemplates.EngineerOnTheWay, Notifications.Values(after)),
            "resolve" => (MessageTemplates.TicketResolved, Notifications.Values(after, ("link", "/tickets/" + after.Id))),
            _ when after.Status == TicketStatus.Closed && before.Status != TicketStatus.Closed => (MessageTemplates.TicketClosed, Notifications.Values(after)),
            _ => ((string, JsonObject)?)null,
        };
        if (customer is var (template, values)) step.Effects.Add(CustomerMessage(after, template, values, ctx));
    }

    /// <summary>Customer messages about anything but P1 tickets wait for the end of quiet hours.</summary>
    private static EffectRequest CustomerMessage(Ticket t, string template, JsonObject values, StepContext ctx) =>
        Notifications.Message(t, Notifications.Customer, template, values, t.Priority == "P1" ? null : ctx.Options.QuietUntil(ctx.Now));

    private static string Window(Ticket t, StepContext ctx)
    {
        if (t.PreferredWindow is not { From: { } from } w) return "尽快 / ASAP";
        var zone = TimeZoneInfo.FindSystemTimeZoneById(ctx.Options.TimeZone);
        var f = TimeZoneInfo.ConvertTime(from, zone);
        return w.To is { } to ? $"{f:MM-dd HH:mm}–{TimeZoneInfo.ConvertTime(to, zone):HH:mm}" : $"{f:MM-dd HH:mm}";
    }
}
