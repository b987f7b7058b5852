using System.Text.Json;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using Newtonsoft.Json.Linq;
using ServerlessService.Core.Storage;
using ServerlessService.Orchestrations.Tickets;

namespace ServerlessService.UnitTests;

/// <summary>
/// After a crash the engine runs a ticket's work item again, later and with whatever messages have arrived since,
/// while the activities the lost attempt started (projection, SMS) may already have run. Both attempts must decide
/// the same step: a step takes its cause's time, not the engine's clock. Played on the recorded ticket
/// (Fixtures/ticket-history-v1.json) as a run started with cause time.
/// </summary>
public sealed class StepTimeReplayTests
{
    [Fact]
    public void ALateSlaTimerGivesTheSameStepWhateverTheEngineClockSays()
    {
        var (soon, fireAt) = FireLate(TimeSpan.FromSeconds(30), causeTime: true);
        var (hours, _) = FireLate(TimeSpan.FromHours(5), causeTime: true);

        Assert.Equal(soon.Input, hours.Input);
        var p = Projected(soon);
        Assert.NotEmpty(p.History);
        Assert.All(p.History, h => Assert.Equal(fireAt, h.At.UtcDateTime));
        // Only what was due at the timer's time: the breach that falls due hours later has its own timer.
        Assert.DoesNotContain("sla-breach", p.History.Select(h => h.Kind));
    }

    [Fact]
    public void ARunFromBeforeCauseTimeKeepsTheEngineClockSoItsHistoryReplays()
    {
        var (hours, fireAt) = FireLate(TimeSpan.FromHours(5), causeTime: false);

        Assert.All(Projected(hours).History, h => Assert.Equal(fireAt + TimeSpan.FromHours(5), h.At.UtcDateTime));
    }

    /// <summary>The recorded ticket's pending SLA timer fires <paramref name="late"/> after its due time; returns the projection it schedules.</summary>
    private static (ScheduleTaskOrchestratorAction Projection, DateTime FireAt) FireLate(TimeSpan late, bool causeTime)
    {
        var dump = RecordedHistory.Load("ticket-history-v1.json");
        var started = dump.Cast<JObject>().Single(e => (int)e["EventType"]! == (int)EventType.ExecutionStarted);
        var input = JObject.Parse((string)started["Input"]!);
        input["causeTime"] = causeTime;
        started["Input"] = input.ToString(Newtonsoft.Json.Formatting.None);
        var past = RecordedHistory.Events(dump);
        var timer = past.OfType<TimerCreatedEvent>().Single(t => !past.OfType<TimerFiredEvent>().Any(f => f.TimerId == t.EventId));
        var context = past.OfType<TaskCompletedEvent>().First(c => c.TaskScheduledId == past.OfType<TaskScheduledEvent>().First(s => s.Name == StepContextActivity.Name).EventId);
        var now = timer.FireAt + late;
        var next = new List<HistoryEvent>
        {
            new OrchestratorStartedEvent(-1) { Timestamp = now },
            new TimerFiredEvent(-1) { TimerId = timer.EventId, FireAt = timer.FireAt, Timestamp = now },
        };
        // The step context is reloaded first (it is older than five minutes by then): answer it as the recording did.
        for (var round = 0; round < 3; round++)
        {
            var actions = RecordedHistory.Replay(past, [.. next]).Actions.ToList();
            if (actions.OfType<ScheduleTaskOrchestratorAction>().FirstOrDefault(a => a.Name == ProjectionActivity.Name) is { } projection)
                return (projection, timer.FireAt);
            var load = Assert.IsType<ScheduleTaskOrchestratorAction>(Assert.Single(actions));
            Assert.Equal(StepContextActivity.Name, load.Name);
            next.Add(new TaskScheduledEvent(load.Id) { Name = load.Name, Input = load.Input, Timestamp = now });
            next.Add(new OrchestratorCompletedEvent(-1) { Timestamp = now });
            now += TimeSpan.FromMilliseconds(200);
            next.Add(new OrchestratorStartedEvent(-1) { Timestamp = now });
            next.Add(new TaskCompletedEvent(-1, load.Id, context.Result) { Timestamp = now });
        }
        throw new InvalidOperationException("The timer's step was never projected.");
    }

    /// <summary>The shim passes an activity's input as a one-element array.</summary>
    private static Projection Projected(ScheduleTaskOrchestratorAction action) =>
        Assert.Single(JsonSerializer.Deserialize<Projection[]>(action.Input!, JsonRows.Json)!);
}
