using ServerlessService.Core.Tickets;
using System.Text.Json;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using Newtonsoft.Json.Linq;
using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;
using ServerlessService.Orchestrations.Tickets;

namespace ServerlessService.UnitTests;

/// <summary>
/// Histories of an in-flight ticket recorded from earlier orchestration code (opened with SLA timers pending,
/// assigned, its SMS and capacity effects done) replay on the current TicketOrchestrator: a change that breaks replay
/// of running tickets fails here. v1: a projection activity and one activity per effect; v2: a step's projection and
/// effects in one activity. Fixtures/README.md says when and how to record another.
/// </summary>
public sealed class TicketReplayTests
{
    private const string Fixture = "ticket-history-v1.json";

    [Theory]
    [InlineData("ticket-history-v1.json")]
    [InlineData("ticket-history-v2.json")]
    public void ReplaysTheRecordedTicketAndKeepsWaitingOnItsSlaTimer(string fixture)
    {
        var result = RecordedHistory.Replay(RecordedHistory.Events(RecordedHistory.Load(fixture)));

        // Everything it asked for is in the history already: no new decision, no completion, no failure.
        Assert.Empty(result.Actions);
        var status = JsonSerializer.Deserialize<TicketRunStatus>(result.CustomStatus!, JsonRows.Json)!;
        Assert.Equal(TicketStatus.Assigned, status.TicketStatus);
        Assert.Contains("sla:response", status.Timers.Keys);
        Assert.Empty(status.Failed);
    }

    [Theory]
    [InlineData("ticket-history-v1.json", ProjectionActivity.Name)]
    [InlineData("ticket-history-v2.json", StepActivity.Name)]
    public void TakesTheNextActionOnTheReplayedTicket(string fixture, string activity)
    {
        var dump = RecordedHistory.Load(fixture);
        var past = RecordedHistory.Events(dump);
        var assigned = JObject.Parse(past.OfType<EventRaisedEvent>().Single().Input);
        var engineer = new Caller("engineer-1", "engineer", EngineerId: (string)assigned["input"]!["engineerId"]!);
        var accept = new TicketEvent("api|engineer-1|accept-1", TicketEvent.ActionKind, "accept", new(), engineer, "fp");
        var now = past.OfType<OrchestratorStartedEvent>().Last().Timestamp.AddSeconds(1);

        var result = RecordedHistory.Replay(past, new OrchestratorStartedEvent(-1) { Timestamp = now },
            new EventRaisedEvent(-1, JsonSerializer.Serialize(accept, JsonRows.Json)) { Name = TicketEvent.Name, Timestamp = now });

        var step = Assert.IsType<ScheduleTaskOrchestratorAction>(Assert.Single(result.Actions));
        Assert.Equal(activity, step.Name);
        // The shim passes an activity's input as a one-element array.
        var p = activity == StepActivity.Name
            ? Assert.Single(JsonSerializer.Deserialize<StepWork[]>(step.Input!, JsonRows.Json)!).Projection
            : Assert.Single(JsonSerializer.Deserialize<Projection[]>(step.Input!, JsonRows.Json)!);
        Assert.Equal(TicketStatus.Accepted, p.Ticket.Status);
        Assert.Equal(["accept"], p.History.Select(h => h.Kind));
    }

    [Fact]
    public void ReportsAHistoryWhoseActivityNameChangedAsNonDeterministic()
    {
        var dump = RecordedHistory.Load(Fixture);
        var renamed = dump.Cast<JObject>().First(e => (string?)e["Name"] == ProjectionActivity.Name);
        renamed["Name"] = "ProjectTicketV0";

        var result = RecordedHistory.Replay(RecordedHistory.Events(dump));

        var failed = Assert.Single(result.Actions.OfType<OrchestrationCompleteOrchestratorAction>());
        Assert.Equal(OrchestrationStatus.Failed, failed.OrchestrationStatus);
        Assert.Contains("NonDeterministic", failed.Result + failed.Details + failed.FailureDetails?.ErrorType);
    }
}
