namespace ServerlessService.Core.Sla;

public static class ClockStates
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Met = "met";
    public const string Cancelled = "cancelled";
}

/// <summary>
/// One SLA clock of a ticket. Elapsed is the business time counted up to Since; while running, the time since
/// then on the calendar is added. Fired holds the keys of thresholds already reached ("warn:50", "breach", "esc:1"),
/// so a re-targeted clock never fires one twice; a breached clock stays breached.
/// </summary>
public sealed record SlaClock(
    string Metric,
    TimeSpan Target,
    string State,
    TimeSpan Elapsed,
    DateTimeOffset? Since,
    IReadOnlyList<string> Fired,
    bool Breached,
    DateTimeOffset? StoppedAt,
    DateTimeOffset? DueAt = null)
{
    public static SlaClock New(string metric, TimeSpan target) => new(metric, target, ClockStates.Pending, TimeSpan.Zero, null, [], false, null);

    public TimeSpan ElapsedAt(DateTimeOffset now, BusinessCalendar calendar) =>
        State == ClockStates.Running && Since is { } s ? Elapsed + calendar.Between(s, now) : Elapsed;

    public SlaClock Start(DateTimeOffset now) => State == ClockStates.Pending ? this with { State = ClockStates.Running, Since = now } : this;

    public SlaClock Pause(DateTimeOffset now, BusinessCalendar calendar) =>
        State == ClockStates.Running ? this with { State = ClockStates.Paused, Elapsed = ElapsedAt(now, calendar), Since = null } : this;

    /// <summary>Continues a paused clock, or one stopped as met when the work is reopened.</summary>
    public SlaClock Resume(DateTimeOffset now) =>
        State is ClockStates.Paused or ClockStates.Met ? this with { State = ClockStates.Running, Since = now, StoppedAt = null } : this;

    /// <summary>
    /// The ticket was cancelled at <paramref name="at"/>: a clock still pending, running or paused is cancelled (counted up to
    /// then), and so is one stopped as met at that very time (a definition that lists the cancelled status under stopIn). A clock
    /// met before stays met; a breached one stays breached. Without a calendar (correcting a stored ticket on read) a clock
    /// left running keeps the business time counted up to its last change.
    /// </summary>
    public SlaClock Cancel(DateTimeOffset at, BusinessCalendar? calendar)
    {
        var c = State == ClockStates.Met && StoppedAt >= at ? this with { State = ClockStates.Cancelled }
            : calendar is not null ? Stop(at, calendar, cancelled: true)
            : State is ClockStates.Running or ClockStates.Paused or ClockStates.Pending ? this with { State = ClockStates.Cancelled, Since = null, StoppedAt = at }
            : this;
        return c with { DueAt = null };
    }

    public SlaClock Stop(DateTimeOffset now, BusinessCalendar calendar, bool cancelled = false) =>
        State is ClockStates.Running or ClockStates.Paused or ClockStates.Pending
            ? this with { State = cancelled ? ClockStates.Cancelled : State == ClockStates.Pending ? ClockStates.Cancelled : ClockStates.Met,
                Elapsed = ElapsedAt(now, calendar), Since = null, StoppedAt = now }
            : this;

    /// <summary>A new target (priority change) keeps the business time already elapsed.</summary>
    public SlaClock Retarget(DateTimeOffset now, TimeSpan target, BusinessCalendar calendar) =>
        State == ClockStates.Running ? this with { Target = target, Elapsed = ElapsedAt(now, calendar), Since = now } : this with { Target = target };

    public TimeSpan PointOf(int percent) => TimeSpan.FromTicks(Target.Ticks / 100 * percent);

    /// <summary>Keeps DueAt (when the target is reached) current for lists and countdowns; a clock past its target keeps the due it had.</summary>
    public SlaClock WithDue(BusinessCalendar calendar) =>
        State != ClockStates.Running || Since is not { } since ? this with { DueAt = null }
        : Target - Elapsed > TimeSpan.Zero ? this with { DueAt = calendar.Add(since, Target - Elapsed) }
        : this with { DueAt = DueAt ?? since };

    /// <summary>Thresholds not fired yet that the elapsed business time has reached.</summary>
    public IReadOnlyList<Threshold> Reached(IReadOnlyList<Threshold> thresholds, DateTimeOffset now, BusinessCalendar calendar)
    {
        var elapsed = ElapsedAt(now, calendar);
        return thresholds.Where(t => !Fired.Contains(t.Key) && PointOf(t.Percent) <= elapsed).ToList();
    }

    /// <summary>When the next unfired threshold is reached, or null when the clock is not running or all have fired.</summary>
    public DateTimeOffset? NextDue(IReadOnlyList<Threshold> thresholds, BusinessCalendar calendar)
    {
        if (State != ClockStates.Running || Since is not { } since) return null;
        var next = thresholds.Where(t => !Fired.Contains(t.Key)).OrderBy(t => t.Percent).FirstOrDefault();
        if (next is null) return null;
        var left = PointOf(next.Percent) - Elapsed;
        return left <= TimeSpan.Zero ? since : calendar.Add(since, left);
    }

    public SlaClock MarkFired(IEnumerable<Threshold> fired)
    {
        var list = fired.ToList();
        return this with { Fired = [.. Fired, .. list.Select(t => t.Key)], Breached = Breached || list.Any(t => t.Kind != ThresholdKinds.Warning) };
    }
}

public static class ThresholdKinds
{
    public const string Warning = "warning";
    public const string Breach = "breach";
    public const string Escalation = "escalation";
}

/// <summary>A point on a clock at a percent of its target: a warning, the breach (100 %) or an escalation level.</summary>
public sealed record Threshold(string Key, int Percent, string Kind, int Level, IReadOnlyList<string> Actions);
