using ServerlessService.Core.Common;
using ServerlessService.Core.Sla;

namespace ServerlessService.Core.Demo;

/// <summary>
/// Demo SLA setup: the China business calendar and a policy per priority for VIP customers and for everyone, plus
/// a seconds-long policy (P1, strategic customers) so a newcomer sees warnings, breach and escalation within a minute.
/// </summary>
internal static class DemoSla
{
    public static async Task SeedAsync(SlaService sla, Caller seeder, CancellationToken ct)
    {
        var calendar = await sla.CreateCalendarAsync(seeder, ChinaCalendar.Demo2026To2027, ct);
        await Policy(sla, seeder, "演示：秒级 SLA / Demo: seconds-long SLA", 10, "P1", "strategic", null, ("00:00:30", "00:01:00", "00:03:00"), ct);
        var order = 20;
        foreach (var tier in new[] { "vip", null })
        {
            var targets = tier is null ? Standard : Vip;
            for (var i = 0; i < 4; i++)
            {
                var priority = "P" + (i + 1);
                var name = $"{(tier is null ? "标准 Standard" : "VIP")} {priority}";
                await Policy(sla, seeder, name, order += 10, priority, tier, priority == "P1" ? null : calendar.Id, targets[i], ct);
            }
        }
    }

    private static readonly (string, string, string)[] Vip =
        [("00:30:00", "02:00:00", "08:00:00"), ("01:00:00", "04:00:00", "16:00:00"), ("02:00:00", "08:00:00", "24:00:00"), ("04:00:00", "16:00:00", "40:00:00")];

    private static readonly (string, string, string)[] Standard =
        [("01:00:00", "04:00:00", "12:00:00"), ("02:00:00", "08:00:00", "24:00:00"), ("04:00:00", "16:00:00", "40:00:00"), ("08:00:00", "24:00:00", "80:00:00")];

    private static Task<SlaPolicy> Policy(SlaService sla, Caller seeder, string name, int order, string priority, string? tier, string? calendarId,
        (string Response, string Arrival, string Resolution) t, CancellationToken ct) =>
        sla.CreatePolicyAsync(seeder, new SlaPolicyInput(name, order, new SlaMatchInput(priority, tier, null), calendarId,
            new SlaTargetsInput(t.Response, t.Arrival, t.Resolution), [50, 75],
            [new EscalationInput(150, [SlaActions.NotifySupervisor, SlaActions.RaisePriority]), new EscalationInput(200, [SlaActions.NotifySupervisor])]), ct);
}
