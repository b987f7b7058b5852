namespace ServerlessService.Core.Sla;

/// <summary>The SLA a ticket runs under: a snapshot of the policy taken when it matched, and the clocks.</summary>
public sealed record TicketSla(
    string PolicyId,
    string PolicyName,
    string? CalendarId,
    IReadOnlyList<int> WarnAt,
    IReadOnlyList<Escalation> Escalations,
    IReadOnlyList<SlaClock> Clocks)
{
    public static readonly IReadOnlyList<string> DefaultWarningActions = [SlaActions.NotifyAssignee, SlaActions.NotifySupervisor];

    public static TicketSla For(SlaPolicy p) => new(
        p.Id, p.Name, p.CalendarId, p.WarnAt, p.Escalations, SlaMetrics.All.Select(m => SlaClock.New(m, p.Targets.Of(m))).ToList());

    public SlaClock Clock(string metric) => Clocks.First(c => c.Metric == metric);

    public TicketSla WithDues(BusinessCalendar calendar) => this with { Clocks = Clocks.Select(c => c.WithDue(calendar)).ToList() };

    /// <summary>
    /// The one word a ticket board shows: cancelled for a cancelled ticket (whatever its clocks did, so no SLA figure counts it
    /// as met or missed); otherwise breached, warning, running, paused or met (worst first).
    /// </summary>
    public string Summary(bool ticketCancelled = false) =>
        ticketCancelled ? ClockStates.Cancelled
        : Clocks.Any(c => c.Breached) ? "breached"
        : Clocks.Any(c => c.State == ClockStates.Running && c.Fired.Count > 0) ? "warning"
        : Clocks.Any(c => c.State == ClockStates.Running) ? "running"
        : Clocks.Any(c => c.State == ClockStates.Paused) ? "paused"
        : "met";

    public DateTimeOffset? NextDue() => Clocks.Where(c => c.State == ClockStates.Running && c.DueAt is not null).Select(c => c.DueAt).Min();

    /// <summary>Every clock as of the ticket's cancellation at <paramref name="at"/> (see <see cref="SlaClock.Cancel"/>).</summary>
    public TicketSla Cancel(DateTimeOffset at, BusinessCalendar? calendar) => this with { Clocks = Clocks.Select(c => c.Cancel(at, calendar)).ToList() };

    public TicketSla With(SlaClock clock) => this with { Clocks = Clocks.Select(c => c.Metric == clock.Metric ? clock : c).ToList() };

    /// <summary>Warnings notify; the breach also asks dispatch to reassign when nobody accepted in time; escalations do what the policy lists.</summary>
    public IReadOnlyList<Threshold> ThresholdsOf(string metric)
    {
        var list = WarnAt.Select(p => new Threshold($"warn:{p}", p, ThresholdKinds.Warning, 0, DefaultWarningActions)).ToList();
        list.Add(new Threshold("breach", 100, ThresholdKinds.Breach, 0,
            metric == SlaMetrics.Response ? [.. DefaultWarningActions, SlaActions.Reassign] : DefaultWarningActions));
        list.AddRange(Escalations.Select((e, i) => new Threshold($"esc:{i + 1}", e.AfterPercent, ThresholdKinds.Escalation, i + 1, e.Actions)));
        return list;
    }
}

/// <summary>A clock as the API shows it.</summary>
public sealed record ClockView(string Metric, string Target, DateTimeOffset? Due, string Elapsed, string Remaining, string State, IReadOnlyList<string> Fired)
{
    public static ClockView Of(SlaClock c, BusinessCalendar calendar, DateTimeOffset now)
    {
        var elapsed = c.ElapsedAt(now, calendar);
        DateTimeOffset? due = c.State == ClockStates.Running && c.Since is { } s
            ? (c.Target - c.Elapsed > TimeSpan.Zero ? calendar.Add(s, c.Target - c.Elapsed) : null)
            : null;
        var state = c.Breached ? "breached" : c.State;
        return new ClockView(c.Metric, Durations.Format(c.Target), due, Durations.Format(elapsed), Durations.Format(c.Target - elapsed), state, c.Fired);
    }
}
