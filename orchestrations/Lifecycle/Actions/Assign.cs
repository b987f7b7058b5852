using System.Text.Json.Nodes;
using ServerlessService.Core.Common;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>派单 / 转派: staff give the job to an engineer (or another one); automatic dispatch assigns as the system. Body: engineerId.</summary>
public sealed class Assign : TicketAction
{
    public override ActionKind Kind => ActionKind.Assign;
    public override bool BySystem => true;

    protected override ActionInput Fields(Check check, ActionInput body, ActionInput valid)
    {
        var id = check.Text("engineerId", body.EngineerId, 40);
        if (id is not null && !Ids.LooksValid(id, "eng")) check.Add("engineerId", "is not an engineer id.");
        return valid with { EngineerId = id };
    }

    public override Ticket Apply(Ticket t, TicketWork work, ActionInput input, Actor actor, DateTimeOffset now) =>
        t with { AssignedEngineerId = input.EngineerId, Dispatch = t.Dispatch is { } d ? d with { Held = false } : null };

    protected override void Describe(ActionInput input, JsonObject data) => data["engineerId"] = input.EngineerId;

    public override (string Template, JsonObject Values)? CustomerMessage(Ticket before, Ticket after, StepContext ctx) =>
        after.AssignedEngineerId != before.AssignedEngineerId
            ? (MessageTemplates.EngineerAssigned, Notifications.Values(after, ("window", Window(after, ctx))))
            : base.CustomerMessage(before, after, ctx);

    private static string Window(Ticket t, StepContext ctx)
    {
        if (t.PreferredWindow is not { From: { } from } w) return MessageVocabulary.Asap;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(ctx.Options.TimeZone);
        var f = TimeZoneInfo.ConvertTime(from, zone);
        return w.To is { } to ? $"{f:MM-dd HH:mm}–{TimeZoneInfo.ConvertTime(to, zone):HH:mm}" : $"{f:MM-dd HH:mm}";
    }
}
