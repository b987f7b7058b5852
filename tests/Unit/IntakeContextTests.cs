using System.Text.Json;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using Newtonsoft.Json.Linq;
using ServerlessService.Core.Storage;
using ServerlessService.Orchestrations.Tickets;

namespace ServerlessService.UnitTests;

/// <summary>
/// At intake the API hands the step context it loaded to the ticket's orchestration (in its input), so the first
/// step goes straight to its activity instead of loading the context first; a run started without it (every run
/// before this change, a restarted one) loads it as before. Played on the start of the recorded v2 ticket.
/// </summary>
public sealed class IntakeContextTests
{
    [Fact]
    public void ARunStartedWithTheIntakeContextAppliesItsFirstStepAtOnce()
    {
        var (started, context) = RecordedStart();
        var input = JObject.Parse(started.Input);
        input["context"] = JObject.Parse(context);

        var first = FirstActivity(started, input);

        Assert.Equal(StepActivity.Name, first.Name);
        // The same first step (timeline, SLA clocks, messages, dispatch) as a run that loads the context itself.
        Assert.Equal(Normalized(LoadedFirstStep(started, context)), Normalized(first.Input!));
    }

    [Fact]
    public void ARunStartedWithoutItLoadsTheContextFirst()
    {
        var (started, _) = RecordedStart();

        Assert.Equal(StepContextActivity.Name, FirstActivity(started, JObject.Parse(started.Input)).Name);
    }

    /// <summary>The first step of a run without the context, its load answered with the recorded context.</summary>
    private static string LoadedFirstStep(ExecutionStartedEvent recorded, string context)
    {
        var load = FirstActivity(recorded, JObject.Parse(recorded.Input));
        var at = recorded.Timestamp.AddMilliseconds(100);
        var result = RecordedHistory.Replay([
            new OrchestratorStartedEvent(-1) { Timestamp = recorded.Timestamp }, Copy(recorded, JObject.Parse(recorded.Input)),
            new TaskScheduledEvent(load.Id) { Name = load.Name, Input = load.Input, Timestamp = recorded.Timestamp },
            new OrchestratorCompletedEvent(-1) { Timestamp = recorded.Timestamp },
        ], new OrchestratorStartedEvent(-1) { Timestamp = at }, new TaskCompletedEvent(-1, load.Id, context) { Timestamp = at });
        var step = Assert.IsType<ScheduleTaskOrchestratorAction>(Assert.Single(result.Actions));
        Assert.Equal(StepActivity.Name, step.Name);
        return step.Input!;
    }

    private static string Normalized(string json) => JToken.Parse(json).ToString(Newtonsoft.Json.Formatting.None);

    private static (ExecutionStartedEvent Started, string Context) RecordedStart()
    {
        var past = RecordedHistory.Events(RecordedHistory.Load("ticket-history-v2.json"));
        var load = past.OfType<TaskScheduledEvent>().First(s => s.Name == StepContextActivity.Name);
        return (past.OfType<ExecutionStartedEvent>().Single(), past.OfType<TaskCompletedEvent>().First(c => c.TaskScheduledId == load.EventId).Result);
    }

    private static ScheduleTaskOrchestratorAction FirstActivity(ExecutionStartedEvent recorded, JObject input)
    {
        var result = RecordedHistory.Replay([new OrchestratorStartedEvent(-1) { Timestamp = recorded.Timestamp }, Copy(recorded, input)]);
        return Assert.IsType<ScheduleTaskOrchestratorAction>(Assert.Single(result.Actions));
    }

    private static ExecutionStartedEvent Copy(ExecutionStartedEvent recorded, JObject input) =>
        new(-1, input.ToString(Newtonsoft.Json.Formatting.None))
        {
            Name = recorded.Name, OrchestrationInstance = recorded.OrchestrationInstance, Timestamp = recorded.Timestamp,
        };
}
