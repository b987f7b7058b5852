using System.Text.Json.Nodes;
using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle.Actions;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>What a step tells people: job links for engineers, and the customer's messages.</summary>
public static partial class TicketEngine
{
    /// <summary>Job links for the engineer who gets the job (revoked from one who loses it; P3/P4 wait out the engineers' quiet hours), and the customer's messages.</summary>
    private static void Messages(Step<Ticket> step, Ticket before, Ticket after, TicketAction action, StepContext ctx)
    {
        if (before.AssignedEngineerId is { } gone && gone != after.AssignedEngineerId) step.Effects.Add(EngineerLinkHandler.Revoke(gone));
        if (after.AssignedEngineerId is { } engineer && (engineer != before.AssignedEngineerId || action.ResendsJobLink(after)))
            step.Effects.Add(EngineerLinkHandler.Send(engineer) with
            {
                NotBefore = QuietHours.WakesEngineers(after.Priority) ? null : ctx.Options.EngineerQuietUntil(ctx.Now),
            });
        if (action.CustomerMessage(before, after, ctx) is var (template, values)) step.Effects.Add(CustomerMessage(after, template, values, ctx));
    }

    /// <summary>Customer messages about anything but P1 tickets wait for the end of quiet hours.</summary>
    private static EffectRequest CustomerMessage(Ticket t, string template, JsonObject values, StepContext ctx) =>
        Notifications.Message(t, Notifications.Customer, template, values, t.Priority == "P1" ? null : ctx.Options.QuietUntil(ctx.Now));
}
