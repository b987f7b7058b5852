using System.Text.Json;
using ServerlessService.Core.Common;
using ServerlessService.Core.Sla;
using ServerlessService.Orchestrations.Lifecycle.Actions;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>
/// Checks a definition before it is used: unknown states and targets, unreachable states, events nobody raises,
/// unknown guards, timers and clocks that point nowhere. Errors are field errors on the JSON paths.
/// </summary>
public static class DefinitionValidator
{
    public static LifecycleDefinition ParseAndValidate(string json, IReadOnlySet<string> durationNames)
    {
        LifecycleDefinition? d;
        try { d = LifecycleDefinition.Parse(json); }
        catch (JsonException e) { throw ValidationFailedException.For(string.IsNullOrEmpty(e.Path) ? "body" : e.Path.TrimStart('$', '.'), "is not valid: " + e.Message); }
        Validate(d, durationNames);
        return d;
    }

    public static void Validate(LifecycleDefinition d, IReadOnlySet<string> durationNames)
    {
        var check = new Check();
        if (d.Name != "ticket") check.Add("name", "must be \"ticket\": tickets are the only workflow.");
        if (d.Version < 1) check.Add("version", "must be 1 or more.");
        foreach (var (name, spec) in d.States ?? new Dictionary<string, StateSpec>())
            if (spec is null) check.Add($"states.{name}", "must be an object, e.g. {} or {\"final\": true}.");
        for (var i = 0; i < (d.Transitions ?? []).Count; i++)
            if (d.Transitions![i] is null) check.Add($"transitions[{i}]", "must be an object.");
        check.ThrowIfAny();
        var states = d.States ?? new Dictionary<string, StateSpec>();
        foreach (var s in states.Keys.Where(s => !LifecycleVocabulary.Statuses.Contains(s)))
            check.Add($"states.{s}", $"is not a ticket status; statuses are: {string.Join(", ", LifecycleVocabulary.Statuses)}.");
        if (!states.ContainsKey(d.Initial ?? "")) check.Add("initial", "must name one of the states.");
        if (string.IsNullOrEmpty(d.Name)) check.Add("name", "is required.");
        if (!states.Values.Any(s => s.Final)) check.Add("states", "must include at least one final state.");
        ValidateTransitions(check, d, states);
        ValidateTimers(check, d, states, durationNames);
        ValidateClocks(check, d, states);
        if (!check.HasErrors) ValidateReachability(check, d, states);
        check.ThrowIfAny();
    }

    private static void ValidateTransitions(Check check, LifecycleDefinition d, IReadOnlyDictionary<string, StateSpec> states)
    {
        // A timer-raised transition needs a timer for its event in one of the states it leaves from.
        var raisedByTimers = states.SelectMany(s => (s.Value.Timers ?? []).Select(t => (State: s.Key, Event: t.Raises))).ToHashSet();
        var transitions = d.Transitions ?? [];
        if (transitions.Count == 0) check.Add("transitions", "must not be empty.");
        for (var i = 0; i < transitions.Count; i++)
        {
            var t = transitions[i];
            var f = $"transitions[{i}]";
            if (t.From is null || t.From.Count == 0) check.Add(f + ".from", "must list at least one state.");
            foreach (var from in t.From ?? [])
            {
                if (!states.TryGetValue(from, out var spec)) check.Add(f + ".from", $"'{from}' is not a state of this definition.");
                else if (spec.Final && TicketActions.Find(t.Event) is not { LeavesFinalStates: true })
                    check.Add(f + ".from", $"'{from}' is final; only {string.Join(" and ", TicketActions.All.Where(a => a.LeavesFinalStates).Select(a => a.Name))} may leave from it.");
            }
            if (t.To is not null && t.To != LifecycleDefinition.Return && !states.ContainsKey(t.To)) check.Add(f + ".to", $"'{t.To}' is not a state of this definition.");
            if (t.By is null || t.By.Count == 0) check.Add(f + ".by", $"must name who raises '{t.Event}': {string.Join(", ", Actors.All)}.");
            foreach (var by in t.By ?? []) if (!Actors.All.Contains(by)) check.Add(f + ".by", $"'{by}' is not one of: {string.Join(", ", Actors.All)}.");
            if (!RaisedBySomeone(t, raisedByTimers)) check.Add(f + ".event", $"nobody raises '{t.Event}': it is not an API action, a system event or the event of a timer.");
            foreach (var g in t.If ?? []) if (!LifecycleVocabulary.Guards.Contains(g)) check.Add(f + ".if", $"'{g}' is not a known guard: {string.Join(", ", LifecycleVocabulary.Guards)}.");
            foreach (var k in (t.When ?? new Dictionary<string, string>()).Keys)
                if (!LifecycleVocabulary.PayloadConditions.Contains(k)) check.Add(f + ".when", $"'{k}' is not a payload field conditions may test.");
        }
    }

    private static bool RaisedBySomeone(TransitionSpec t, HashSet<(string State, string Event)> raisedByTimers) => (t.By ?? []).Any(by => by switch
    {
        Actors.Timer => (t.From ?? []).Any(f => raisedByTimers.Contains((f, t.Event))) && LifecycleVocabulary.TimerEvents.Contains(t.Event),
        Actors.System => LifecycleVocabulary.SystemEvents.Contains(t.Event),
        _ => LifecycleVocabulary.Actions.Contains(t.Event),
    });

    private static void ValidateTimers(Check check, LifecycleDefinition d, IReadOnlyDictionary<string, StateSpec> states, IReadOnlySet<string> durationNames)
    {
        foreach (var (name, s) in states)
        {
            var timers = s.Timers ?? [];
            for (var i = 0; i < timers.Count; i++)
            {
                var t = timers[i];
                var f = $"states.{name}.timers[{i}]";
                if (string.IsNullOrWhiteSpace(t.Name)) check.Add(f + ".name", "is required.");
                if (!durationNames.Contains(t.After ?? "") && !Durations.TryParse(t.After, out _))
                    check.Add(f + ".after", $"must be hh:mm:ss or one of: {string.Join(", ", durationNames)}.");
                if (!(d.Transitions ?? []).Any(tr => tr.Event == t.Raises && (tr.From ?? []).Contains(name) && (tr.By ?? []).Contains(Actors.Timer)))
                    check.Add(f + ".raises", $"no transition from '{name}' is raised by the timer event '{t.Raises}'.");
            }
        }
    }

    private static void ValidateClocks(Check check, LifecycleDefinition d, IReadOnlyDictionary<string, StateSpec> states)
    {
        var clocks = d.Clocks ?? new Dictionary<string, ClockSpec>();
        foreach (var m in SlaMetrics.All.Where(m => !clocks.ContainsKey(m))) check.Add("clocks", $"must define the '{m}' clock.");
        var events = (d.Transitions ?? []).Select(t => t.Event).Append(LifecycleDefinition.Created).ToHashSet();
        foreach (var (metric, c) in clocks)
        {
            var f = $"clocks.{metric}";
            if (!SlaMetrics.All.Contains(metric)) check.Add(f, $"is not a clock; clocks are {string.Join(", ", SlaMetrics.All)}.");
            if ((c.StartOn ?? []).Count == 0) check.Add(f + ".startOn", "must name at least one event.");
            if ((c.StopIn ?? []).Count == 0) check.Add(f + ".stopIn", "must name at least one state.");
            foreach (var e in (c.StartOn ?? []).Concat(c.ResumeOn ?? []).Where(e => !events.Contains(e))) check.Add(f, $"'{e}' is not an event of this definition.");
            foreach (var s in (c.StopIn ?? []).Concat(c.PauseIn ?? []).Concat(c.CancelIn ?? []).Where(s => !states.ContainsKey(s)))
                check.Add(f, $"'{s}' is not a state of this definition.");
        }
    }

    private static void ValidateReachability(Check check, LifecycleDefinition d, IReadOnlyDictionary<string, StateSpec> states)
    {
        var seen = new HashSet<string> { d.Initial };
        var queue = new Queue<string>(seen);
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            // "$return" only goes back to a state the ticket was in, so it reaches nothing new.
            foreach (var t in d.Transitions.Where(t => (t.From ?? []).Contains(s) && t.To is not null && t.To != LifecycleDefinition.Return))
                if (seen.Add(t.To!)) queue.Enqueue(t.To!);
        }
        foreach (var s in states.Keys.Where(s => !seen.Contains(s))) check.Add($"states.{s}", $"is unreachable from '{d.Initial}'.");
    }
}
