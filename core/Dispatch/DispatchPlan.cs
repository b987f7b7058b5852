namespace ServerlessService.Core.Dispatch;

/// <summary>An engineer as the dispatcher weighed them: the score (lower is better) or why they were left out.</summary>
public sealed record CandidateScore(string EngineerId, string Name, double? DistanceKm, int Load, int MaxJobs, int Level, double? Score, string? Excluded);

/// <summary>One automatic dispatch attempt: whom it chose (or why nobody), the eligible candidates best first, and how many were left out for which reason.</summary>
public sealed record DispatchDecision(
    DateTimeOffset At,
    string? EngineerId,
    string? HeldReason,
    IReadOnlyList<CandidateScore> Candidates,
    IReadOnlyDictionary<string, int> ExcludedCounts);

/// <summary>How a ticket is to be dispatched (the rules' outcome) and what automatic dispatch decided so far.</summary>
public sealed record DispatchPlan(
    IReadOnlyList<FiredRule> FiredRules,
    SkillRequirement? Skill = null,
    IReadOnlyList<string>? Regions = null,
    string? Group = null,
    string? SlaPolicyId = null,
    bool HoldForManual = false,
    IReadOnlyList<string>? Excluded = null,
    IReadOnlyList<DispatchDecision>? Decisions = null,
    bool Held = false)
{
    public const int DecisionsKept = 5;

    public static DispatchPlan From(RuleOutcome o) => new(o.Fired, o.Skill, o.Regions, o.Group, o.SlaPolicyId, o.Hold);

    public DispatchPlan With(DispatchDecision d) =>
        this with { Decisions = [.. (Decisions ?? []).TakeLast(DecisionsKept - 1), d], Held = d.EngineerId is null };
}
