using ServerlessService.Core.Common;
using ServerlessService.Core.Customers;
using ServerlessService.Core.Devices;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Core.Sla;

public sealed record SlaMatchInput(string? Priority, string? CustomerTier, string? ProductLine);
public sealed record SlaTargetsInput(string? Response, string? Arrival, string? Resolution);
public sealed record EscalationInput(int? AfterPercent, List<string>? Actions);

/// <summary>The body of POST/PUT /api/sla/policies.</summary>
public sealed record SlaPolicyInput(
    string? Name, int? Order, SlaMatchInput? Match, string? CalendarId, SlaTargetsInput? Targets, List<int>? WarnAt, List<EscalationInput>? Escalations)
{
    public sealed record Valid(string Name, int? Order, SlaMatch Match, string? CalendarId, SlaTargets Targets, IReadOnlyList<int> WarnAt, IReadOnlyList<Escalation> Escalations);

    public Valid Validate()
    {
        var check = new Check();
        var name = check.Text("name", Name, 100);
        if (Order is < 0 or > 1_000_000) check.Add("order", "must be between 0 and 1000000.");
        var match = new SlaMatch(
            check.OneOf("match.priority", Match?.Priority, Priorities.All, required: false),
            check.OneOf("match.customerTier", Match?.CustomerTier, CustomerTiers.All, required: false),
            Match?.ProductLine is null ? null : ProductLines.Validate(check, "match.productLine", Match.ProductLine));
        var calendarId = CalendarId;
        if (calendarId is not null && !Ids.LooksValid(calendarId, "cal")) check.Add("calendarId", "is not a calendar id; use null for 24×7.");
        if (Targets is null) check.Add("targets", "is required: response, arrival and resolution as hh:mm:ss.");
        var targets = new SlaTargets(Target(check, "response", Targets?.Response), Target(check, "arrival", Targets?.Arrival), Target(check, "resolution", Targets?.Resolution));
        var warnAt = WarnAt ?? [50, 75];
        if (warnAt.Count > 5) check.Add("warnAt", "may hold at most 5 percentages.");
        for (var i = 0; i < warnAt.Count; i++)
        {
            if (warnAt[i] is < 1 or > 99) check.Add($"warnAt[{i}]", "must be between 1 and 99 (percent of the target).");
            else if (i > 0 && warnAt[i] <= warnAt[i - 1]) check.Add($"warnAt[{i}]", "must be greater than the one before.");
        }
        var escalations = ValidateEscalations(check);
        check.ThrowIfAny();
        return new Valid(name!, Order, match, calendarId, targets, warnAt, escalations);
    }

    private List<Escalation> ValidateEscalations(Check check)
    {
        var list = new List<Escalation>();
        var items = Escalations ?? [];
        if (items.Count > 5) check.Add("escalations", "may hold at most 5 levels.");
        for (var i = 0; i < items.Count; i++)
        {
            var e = items[i];
            var field = $"escalations[{i}]";
            if (e?.AfterPercent is not { } p || p is < 101 or > 1000) check.Add(field + ".afterPercent", "must be between 101 and 1000 (percent of the target, after the breach).");
            else if (list.Count > 0 && p <= list[^1].AfterPercent) check.Add(field + ".afterPercent", "must be greater than the level before.");
            var actions = e?.Actions ?? [];
            if (actions.Count is 0 or > 4) check.Add(field + ".actions", $"must list 1 to 4 of: {string.Join(", ", SlaActions.All)}.");
            var known = actions.Select((a, j) => check.OneOf($"{field}.actions[{j}]", a, SlaActions.All)).OfType<string>().Distinct().ToList();
            list.Add(new Escalation(e?.AfterPercent ?? 0, known));
        }
        return list;
    }

    private static string Target(Check check, string metric, string? text)
    {
        if (!Durations.TryParse(text, out var t) || t <= TimeSpan.Zero)
        {
            check.Add("targets." + metric, "must be a positive duration as hh:mm:ss, e.g. \"04:00:00\" or \"72:00:00\".");
            return "";
        }
        return Durations.Format(t);
    }
}
