using ServerlessService.Core.Common;

namespace ServerlessService.Core.Engineers;

/// <summary>A skill (技能) on a product line at a level from 1 (trainee) to 5 (expert).</summary>
public sealed record Skill(string? ProductLine, int? Level);

/// <summary>
/// A field engineer (服务工程师); supervisorId names the engineer who leads them; workingCalendarId names the business
/// calendar of their working hours (null: always available while on duty).
/// </summary>
public sealed record Engineer(
    string Id,
    string Name,
    string Phone,
    IReadOnlyList<Skill> Skills,
    IReadOnlyList<string> Regions,
    GeoPoint? Location,
    int MaxConcurrentJobs,
    bool OnDuty,
    string? SupervisorId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? WorkingCalendarId = null,
    string? Language = null);
