using System.Text.Json.Nodes;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Sla;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle.Actions;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>
/// SLA clocks inside lifecycle steps: start, stop, pause and resume them as the definition says, keep one durable
/// timer per running clock armed for its next threshold, and fire thresholds (warnings, breach, escalations).
/// </summary>
internal static class SlaSteps
{
    public const string TimerPrefix = "sla:";

    /// <summary>
    /// Clocks an event starts or resumes, and clocks the status it entered stops, cancels or pauses; null <paramref name="previous"/>
    /// is intake. Entering Cancelled cancels every clock not yet met or breached.
    /// </summary>
    public static Ticket OnEvent(Ticket t, string ev, TicketStatus? previous, StepContext ctx)
    {
        if (t.Sla is not { } sla) return t;
        var status = t.Status.ToString();
        var oldStatus = previous?.ToString() ?? "";
        var calendar = ctx.Calendar(sla.CalendarId);
        foreach (var (metric, spec) in ctx.Definition.Clocks)
        {
            var c = sla.Clock(metric);
            if (spec.StartOn?.Contains(ev) == true) c = c.Start(ctx.Now);
            if (spec.ResumeOn?.Contains(ev) == true) c = c.Resume(ctx.Now);
            if (status != oldStatus)
            {
                if (spec.CancelIn?.Contains(status) == true) c = c.Stop(ctx.Now, calendar, cancelled: true);
                else if (spec.StopIn?.Contains(status) == true) c = c.Stop(ctx.Now, calendar);
                else if (spec.PauseIn?.Contains(status) == true) c = c.Pause(ctx.Now, calendar);
                else if (spec.PauseIn?.Contains(oldStatus) == true && c.State == ClockStates.Paused) c = c.Resume(ctx.Now);
            }
            sla = sla.With(c);
        }
        // A cancelled ticket's unfinished clocks read cancelled whatever the definition's clock rules say, never met.
        if (status != oldStatus && t.Status == TicketStatus.Cancelled) sla = sla.Cancel(ctx.Now, calendar);
        return t with { Sla = sla.WithDues(calendar) };
    }

    /// <summary>Arms each running clock's timer for its next threshold; cancels the timers of clocks that stopped.</summary>
    public static void Rearm(Step<Ticket> step, Ticket t, IReadOnlyDictionary<string, DateTimeOffset> armedTimers, StepContext ctx)
    {
        if (t.Sla is not { } sla) return;
        var calendar = ctx.Calendar(sla.CalendarId);
        foreach (var c in sla.Clocks)
        {
            var name = TimerPrefix + c.Metric;
            var due = c.NextDue(sla.ThresholdsOf(c.Metric), calendar);
            DateTimeOffset? armed = armedTimers.TryGetValue(name, out var a) && !step.Cancel.Contains(name) ? a : null;
            if (due is null)
            {
                step.Arm.Remove(name);
                if (armed is not null) step.Cancel.Add(name);
            }
            else if (armed != due) step.Arm[name] = due.Value;
            else step.Arm.Remove(name);
        }
    }

    /// <summary>A clock's timer fired: record and act on every threshold its elapsed business time has reached.</summary>
    public static Ticket Fire(Step<Ticket> step, Ticket t, string metric, StepContext ctx)
    {
        if (t.Sla is not { } sla) return t;
        var clock = sla.Clock(metric);
        var calendar = ctx.Calendar(sla.CalendarId);
        var reached = clock.Reached(sla.ThresholdsOf(metric), ctx.Now, calendar).OrderBy(x => x.Percent).ToList();
        if (reached.Count == 0) return t;
        t = t with { Sla = sla.With(clock.MarkFired(reached)) };
        foreach (var threshold in reached)
        {
            var elapsed = clock.ElapsedAt(ctx.Now, calendar);
            step.History.Add(new HistoryRequest("sla-" + threshold.Kind, Actor.System.Id, Actor.System.Role, Data: new JsonObject
            {
                ["metric"] = metric,
                ["percent"] = threshold.Percent,
                ["level"] = threshold.Level,
                ["target"] = Durations.Format(clock.Target),
                ["elapsed"] = Durations.Format(elapsed),
                ["actions"] = new JsonArray([.. threshold.Actions.Select(a => JsonValue.Create(a))]),
            }));
            var (ev, values) = Message(t, metric, threshold, clock.Target - elapsed);
            foreach (var action in threshold.Actions) t = Act(step, t, action, ev, values, ctx);
        }
        return t;
    }

    private static (string Event, JsonObject Values) Message(Ticket t, string metric, Threshold threshold, TimeSpan remaining) => threshold.Kind switch
    {
        ThresholdKinds.Warning => (MessageTemplates.SlaWarning, Notifications.Values(t, ("metric", metric), ("percent", threshold.Percent.ToString()),
            ("remaining", Durations.Format(remaining)))),
        ThresholdKinds.Breach => (MessageTemplates.SlaBreach, Notifications.Values(t, ("metric", metric))),
        _ => (MessageTemplates.SlaEscalation, Notifications.Values(t, ("metric", metric), ("percent", threshold.Percent.ToString()),
            ("level", threshold.Level.ToString()))),
    };

    private static Ticket Act(Step<Ticket> step, Ticket t, string action, string ev, JsonObject values, StepContext ctx)
    {
        switch (action)
        {
            case SlaActions.NotifyAssignee:
            case SlaActions.NotifySupervisor:
                var audience = action == SlaActions.NotifyAssignee ? Notifications.Assignee : Notifications.Supervisor;
                if (audience == Notifications.Assignee && t.AssignedEngineerId is null) return t;
                step.Effects.Add(Notifications.Message(t, audience, ev, values.DeepClone().AsObject()));
                if (audience == Notifications.Supervisor)
                    foreach (var robot in ctx.Robots ?? []) step.Effects.Add(Notifications.Robot(robot, ev, values.DeepClone().AsObject()));
                return t;
            case SlaActions.Reassign:
                return TicketEngine.RaiseSystemEvent(step, t, ActionKind.SlaReassign, new ActionInput(Reason: "SLA breach: nobody accepted in time"), ctx);
            case SlaActions.RaisePriority:
                var index = Array.IndexOf(Priorities.All, t.Priority);
                if (index <= 0) return t;
                return TicketEngine.RaiseSystemEvent(step, t, ActionKind.Prioritize, new ActionInput(Priority: Priorities.All[index - 1], Reason: "SLA escalation"), ctx);
            default:
                return t;
        }
    }

    /// <summary>A priority change moves the ticket to the policy that matches it now, keeping the business time elapsed.</summary>
    public static Ticket Retarget(Step<Ticket> step, Ticket t, StepContext ctx)
    {
        if (t.Sla is not { } sla || ctx.Match(t.Priority, t.CustomerTier, t.ProductLine) is not { } policy) return t;
        var old = ctx.Calendar(sla.CalendarId);
        var fresh = TicketSla.For(policy);
        var clocks = sla.Clocks.Select(c => c.Retarget(ctx.Now, policy.Targets.Of(c.Metric), old)).ToList();
        step.History.Add(new HistoryRequest("sla-retargeted", Actor.System.Id, Actor.System.Role, Data: new JsonObject
        {
            ["policyId"] = policy.Id,
            ["policyName"] = policy.Name,
            ["priority"] = t.Priority,
        }));
        return t with { Sla = (fresh with { Clocks = clocks }).WithDues(ctx.Calendar(policy.CalendarId)) };
    }
}
