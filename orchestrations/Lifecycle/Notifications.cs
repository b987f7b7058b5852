using System.Text.Json.Nodes;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>
/// Outbox requests for messages: the template event and its values are decided in the step; recipients, names and
/// the template text are looked up when the message is sent.
/// </summary>
internal static class Notifications
{
    public const string Assignee = "assignee";
    public const string Supervisor = "supervisor";
    public const string Dispatchers = "dispatchers";
    public const string Customer = "customer";

    public static EffectRequest Message(Ticket t, string audience, string ev, JsonObject values, DateTimeOffset? notBefore = null) =>
        new(NotifyHandler.KindName, new JsonObject
        {
            ["ticketId"] = t.Id,
            ["audience"] = audience,
            ["engineerId"] = t.AssignedEngineerId,
            ["phone"] = audience == Customer ? t.ContactPhone : null,
            // The customer's language is looked up when the message goes; the status lets a held message be dropped once the ticket moved on.
            ["customerId"] = audience == Customer ? t.CustomerId : null,
            ["status"] = audience == Customer ? t.Status.ToString() : null,
            ["event"] = ev,
            ["values"] = values,
        }, NotBefore: notBefore);

    /// <summary>One item per robot, so a robot that is down does not hold back the others.</summary>
    public static EffectRequest Robot(string robot, string ev, JsonObject values) =>
        new(RobotHandler.KindName, new JsonObject { ["robot"] = robot, ["event"] = ev, ["values"] = values });

    /// <summary>The ticket's number and priority plus the event's own values.</summary>
    public static JsonObject Values(Ticket t, params (string Key, string? Value)[] extra)
    {
        var values = new JsonObject { ["ticketNumber"] = t.Number, ["priority"] = t.Priority };
        foreach (var (k, v) in extra) values[k] = v;
        return values;
    }

    /// <summary>Tells dispatchers (SMS and every robot) that a ticket needs a person to dispatch it.</summary>
    public static void DispatchHeld(Step<Ticket> step, Ticket t, string reason, StepContext ctx)
    {
        var values = Values(t, ("reason", reason));
        step.Effects.Add(Message(t, Dispatchers, MessageTemplates.DispatchHeld, values));
        foreach (var robot in ctx.Robots ?? []) step.Effects.Add(Robot(robot, MessageTemplates.DispatchHeld, values.DeepClone().AsObject()));
    }
}
