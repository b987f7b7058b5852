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
/// The history of an in-flight ticket recorded from the previous orchestration code (Fixtures/ticket-history-v1.json:
/// opened with SLA timers pending, assigned, its SMS and capacity effects done) replays on the current
/// TicketOrchestrator: a change that breaks replay of running tickets fails here. Fixtures/README.md says when and
/// how to re-record it.
/// </summary>
public sealed class TicketReplayTests
{
    private const string Fixture = "ticket-history-v1.json";

    [Fact]
    public void ReplaysTheRecordedTicketAndKeepsWaitingOnItsSlaTimer()
    {
        var result = RecordedHistory.Replay(RecordedHistory.Events(RecordedHistory.Load(Fixture)));

        // Everything it asked for is in the history already: no new decision, no completion, no failure.
        Assert.Empty(result.Actions);
        var status = JsonSerializer.Deserialize<TicketRunStatus>(result.CustomStatus!, JsonRows.Json)!;
        Assert.Equal(TicketStatus.Assigned, status.TicketStatus);
        Assert.Contains("sla:response", status.Timers.Keys);
        Assert.Empty(status.Failed);
    }

    [Fact]
    public void TakesTheNextActionOnTheReplayedTicket()
    {
        var dump = RecordedHistory.Load(Fixture);
        var past = RecordedHistory.Events(dump);
        var assigned = JObject.Parse(past.OfType<EventRaisedEvent>().Single().Input);
        var engineer = new Caller("engineer-1", "engineer", EngineerId: (string)assigned["input"]!["engineerId"]!);
        var accept = new TicketEvent("api|engineer-1|accept-1", TicketEvent.ActionKind, "accept", new(), engineer, "fp");
        var now = past.OfType<OrchestratorStartedEvent>().Last().Timestamp.AddSeconds(1);

        var result = RecordedHistory.Replay(past, new OrchestratorStartedEvent(-1) { Timestamp = now },
            new EventRaisedEvent(-1, JsonSerializer.Serialize(accept, JsonRows.Json)) { Name = TicketEvent.Name, Timestamp = now });

        var projection = Assert.IsType<ScheduleTaskOrchestratorAction>(Assert.Single(result.Actions));
        Assert.Equal(ProjectionActivity.Name, projection.Name);
        // The shim passes an activity's input as a one-element array.
        var p = Assert.Single(JsonSerializer.Deserialize<Projection[]>(projection.Input!, JsonRows.Json)!);
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
