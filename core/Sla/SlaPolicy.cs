namespace ServerlessService.Core.Sla;

public static class SlaMetrics
{
    public const string Response = "response";
    public const string Arrival = "arrival";
    public const string Resolution = "resolution";
    public static readonly string[] All = [Response, Arrival, Resolution];
}

/// <summary>What an SLA threshold may do when it is reached.</summary>
public static class SlaActions
{
    public const string NotifyAssignee = "notify-assignee";
    public const string NotifySupervisor = "notify-supervisor";
    public const string Reassign = "reassign";
    public const string RaisePriority = "raise-priority";
    public static readonly string[] All = [NotifyAssignee, NotifySupervisor, Reassign, RaisePriority];
}

/// <summary>Which tickets a policy covers; a null field matches anything.</summary>
public sealed record SlaMatch(string? Priority, string? CustomerTier, string? ProductLine)
{
    public bool Covers(string priority, string? tier, string? productLine) =>
        (Priority is null || Priority == priority) && (CustomerTier is null || CustomerTier == tier) && (ProductLine is null || ProductLine == productLine);
}

/// <summary>Targets as "hh:mm:ss" of business time.</summary>
public sealed record SlaTargets(string Response, string Arrival, string Resolution)
{
    public TimeSpan Of(string metric)
    {
        var text = metric switch { SlaMetrics.Response => Response, SlaMetrics.Arrival => Arrival, _ => Resolution };
        return Durations.TryParse(text, out var t) ? t : throw new InvalidDataException($"Stored target '{text}' is not hh:mm:ss.");
    }
}

public sealed record Escalation(int AfterPercent, IReadOnlyList<string> Actions);

/// <summary>A service level agreement (服务水平协议); lower order is tried first, the first match wins.</summary>
public sealed record SlaPolicy(
    string Id,
    string Name,
    int Order,
    SlaMatch Match,
    string? CalendarId,
    SlaTargets Targets,
    IReadOnlyList<int> WarnAt,
    IReadOnlyList<Escalation> Escalations,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
