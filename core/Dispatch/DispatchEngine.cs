using ServerlessService.Core.Engineers;
using ServerlessService.Core.Sla;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Core.Dispatch;

/// <summary>An engineer and the number of open jobs they hold now.</summary>
public sealed record EngineerState(Engineer Engineer, int Load);

/// <summary>
/// Picks engineers for a ticket. Eligible: on duty, inside their working hours, has the required skill at the
/// required level, serves the site's region (and the rules' regions and group), below maxConcurrentJobs, and not
/// excluded (declined the job, or lost it on a breach). Score, lower is better: distance to the site in km weighted
/// by urgency (P1 ×2, P2 ×1.5, P3 ×1, P4 ×0.5), plus 30 × load/max, plus 8 per skill level below 5; ties go to the
/// smaller engineer id, so the same inputs always give the same answer.
/// </summary>
public static class DispatchEngine
{
    public const int CandidatesKept = 50;
    private const double UnknownDistanceKm = 100;

    public static DispatchDecision Decide(Ticket t, IReadOnlyList<EngineerState> pool, Func<string?, BusinessCalendar> calendars, DateTimeOffset now)
    {
        var plan = t.Dispatch ?? new DispatchPlan([]);
        var excluded = new HashSet<string>([.. plan.Excluded ?? [], .. t.Work?.DeclinedBy ?? []], StringComparer.Ordinal);
        var skill = plan.Skill ?? (t.ProductLine is { } line ? new SkillRequirement(line, 1) : null);
        var weight = t.Priority switch { "P1" => 2.0, "P2" => 1.5, "P3" => 1.0, _ => 0.5 };
        var site = t.SiteAddress;
        var eligible = new List<CandidateScore>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (e, load) in pool)
        {
            var level = skill is null ? e.Skills.Select(s => s.Level ?? 0).DefaultIfEmpty(0).Max() : e.Skills.FirstOrDefault(s => s.ProductLine == skill.ProductLine)?.Level ?? 0;
            var why = Exclusion(e, load, level, skill, plan, site.Region ?? "", excluded, calendars, now);
            if (why is not null)
            {
                counts[why] = counts.GetValueOrDefault(why) + 1;
                continue;
            }
            double? km = e.Location is { Lat: { } la, Lng: { } lo } && site.Lat is { } sa && site.Lng is { } so ? Math.Round(GreatCircleKm(la, lo, sa, so), 2) : null;
            var score = Math.Round((km ?? UnknownDistanceKm) * weight + 30.0 * load / e.MaxConcurrentJobs + 8.0 * (5 - level), 3);
            eligible.Add(new CandidateScore(e.Id, e.Name, km, load, e.MaxConcurrentJobs, level, score, null));
        }
        var ranked = eligible.OrderBy(c => c.Score).ThenBy(c => c.EngineerId, StringComparer.Ordinal).Take(CandidatesKept).ToList();
        var held = ranked.Count == 0 ? (pool.Count == 0 ? "no engineers on record" : "no eligible engineer: " + string.Join(", ", counts.Select(c => $"{c.Key} ×{c.Value}"))) : null;
        return new DispatchDecision(now, ranked.FirstOrDefault()?.EngineerId, held, ranked, counts);
    }

    private static string? Exclusion(Engineer e, int load, int level, SkillRequirement? skill, DispatchPlan plan, string region,
        HashSet<string> excluded, Func<string?, BusinessCalendar> calendars, DateTimeOffset now)
    {
        if (excluded.Contains(e.Id)) return "declined or replaced";
        if (!e.OnDuty) return "off duty";
        if (skill is not null && level < skill.MinLevel) return level == 0 ? $"no {skill.ProductLine} skill" : $"{skill.ProductLine} level below {skill.MinLevel}";
        if (!e.Regions.Any(r => region.StartsWith(Served(r), StringComparison.Ordinal))) return "does not serve the site's region";
        if (plan.Regions is { } prefixes && !e.Regions.Any(r => prefixes.Any(p => Overlaps(Served(r), p)))) return "outside the rule's regions";
        if (plan.Group is { } lead && e.Id != lead && e.SupervisorId != lead) return "outside the rule's group";
        if (load >= e.MaxConcurrentJobs) return "at capacity";
        if (e.WorkingCalendarId is not null && calendars(e.WorkingCalendarId).Between(now, now.AddSeconds(1)) == TimeSpan.Zero) return "outside working hours";
        return null;
    }

    /// <summary>A region code serves the codes under it: 310000 (a province) → "31", 310100 → "3101", 310104 → itself.</summary>
    public static string Served(string region)
    {
        var r = region;
        while (r.Length > 2 && r.EndsWith("00", StringComparison.Ordinal)) r = r[..^2];
        return r;
    }

    private static bool Overlaps(string served, string prefix) =>
        served.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(served, StringComparison.Ordinal);

    /// <summary>Haversine distance on a sphere of the Earth's mean radius.</summary>
    public static double GreatCircleKm(double lat1, double lng1, double lat2, double lng2)
    {
        const double R = 6371.0088;
        double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLng = Rad(lng2 - lng1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
