using ServerlessService.Core.Engineers;

namespace ServerlessService.Core.Dispatch;

/// <summary>An engineer as the console's engineer list shows them: duty, skills and regions, and open jobs against their limit.</summary>
public sealed record EngineerWorkload(
    string Id, string Name, string Phone, bool OnDuty, IReadOnlyList<Skill> Skills, IReadOnlyList<string> Regions, int OpenJobs, int MaxConcurrentJobs)
{
    public static IReadOnlyList<EngineerWorkload> Of(IEnumerable<EngineerState> pool) => pool
        .Select(s => new EngineerWorkload(s.Engineer.Id, s.Engineer.Name, s.Engineer.Phone, s.Engineer.OnDuty, s.Engineer.Skills, s.Engineer.Regions,
            s.Load, s.Engineer.MaxConcurrentJobs))
        .OrderByDescending(w => (double)w.OpenJobs / Math.Max(1, w.MaxConcurrentJobs)).ThenBy(w => w.Name, StringComparer.Ordinal).ThenBy(w => w.Id)
        .ToList();
}
