using ServerlessService.Core.Sla;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>Everything a pure lifecycle step needs besides the instance, loaded before the step runs.</summary>
public sealed record StepContext(
    LifecycleDefinition Definition,
    LifecycleOptions Options,
    DateTimeOffset Now,
    IReadOnlyList<SlaPolicy> Policies,
    IReadOnlyDictionary<string, BusinessCalendar> Calendars,
    IReadOnlyList<string>? Robots = null)
{
    /// <summary>Null is 24×7; so is a calendar that was removed, so a clock never stops for lack of one.</summary>
    public BusinessCalendar Calendar(string? id) => id is not null && Calendars.TryGetValue(id, out var c) ? c : BusinessCalendar.AlwaysOpen;

    public SlaPolicy? Match(string priority, string? tier, string? productLine) =>
        Policies.FirstOrDefault(p => p.Match.Covers(priority, tier, productLine));
}

/// <summary>Who raised an event; Override is set when staff act in an engineer's or customer's place.</summary>
public sealed record Actor(string Id, string Role, bool Override = false)
{
    public static readonly Actor System = new("system", Actors.System);
    public static readonly Actor Timer = new("timer", Actors.Timer);
}
