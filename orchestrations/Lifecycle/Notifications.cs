using System.Text.Json.Nodes;
using ServerlessService.Core.Sla;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Runtime;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>Outbox requests for messages; recipients are looked up when the message is sent.</summary>
internal static class Notifications
{
    public const string Assignee = "assignee";
    public const string Supervisor = "supervisor";
    public const string Dispatchers = "dispatchers";

    public static OutboxRequest Sms(Ticket t, string audience, string text) => new(NotifyHandler.KindName, new JsonObject
    {
        ["ticketId"] = t.Id,
        ["audience"] = audience,
        ["engineerId"] = t.AssignedEngineerId,
        ["text"] = text,
    });

    /// <summary>One item per robot, so a robot that is down does not hold back the others.</summary>
    public static OutboxRequest Robot(string robot, string text) =>
        new(RobotHandler.KindName, new JsonObject { ["robot"] = robot, ["text"] = text });
}

/// <summary>Dispatch message texts in both languages.</summary>
internal static class DispatchTexts
{
    public static string Held(Ticket t, string reason) =>
        $"【售后服务】待人工派单：工单 {t.Number}（{t.Priority}）没有可自动派出的工程师（{reason}）。 Manual dispatch needed: ticket {t.Number} ({t.Priority}) — {reason}.";
}

/// <summary>SLA message texts in both languages, as GLOSSARY.md names things.</summary>
internal static class SlaTexts
{
    public static string For(Ticket t, string metric, Threshold threshold, TimeSpan remaining)
    {
        var (zhMetric, enMetric) = metric switch
        {
            SlaMetrics.Response => ("响应时限", "response target"),
            SlaMetrics.Arrival => ("到场时限", "arrival target"),
            _ => ("解决时限", "resolution target"),
        };
        return threshold.Kind switch
        {
            ThresholdKinds.Warning =>
                $"【售后服务】超时预警：工单 {t.Number}（{t.Priority}）{zhMetric}已用 {threshold.Percent}%，剩余 {Durations.Format(remaining)}。" +
                $" SLA warning: ticket {t.Number} ({t.Priority}) has used {threshold.Percent}% of its {enMetric}; {Durations.Format(remaining)} left.",
            ThresholdKinds.Breach =>
                $"【售后服务】超时：工单 {t.Number}（{t.Priority}）已超出{zhMetric}。 SLA breach: ticket {t.Number} ({t.Priority}) missed its {enMetric}.",
            _ =>
                $"【售后服务】升级（第 {threshold.Level} 级）：工单 {t.Number}（{t.Priority}）{zhMetric}已达 {threshold.Percent}%。" +
                $" Escalation level {threshold.Level}: ticket {t.Number} ({t.Priority}) is at {threshold.Percent}% of its {enMetric}.",
        };
    }
}
