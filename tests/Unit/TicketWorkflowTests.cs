using ServerlessService.Core.Common;
using ServerlessService.Core.Sla;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.UnitTests;

public sealed class TicketWorkflowTests
{
    private static readonly DateTimeOffset Monday9 = DateTimeOffset.Parse("2026-11-23T09:00:00+08:00");
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void WarningsBreachAndEscalationsFireInOrderAtTheirPercentOfTheTarget()
    {
        var w = new WorkflowOnAFakeClock(Monday9, WorkflowOnAFakeClock.Policy("04:00:00", "08:00:00", "24:00:00", [50, 75],
            [new Escalation(150, [SlaActions.NotifySupervisor, SlaActions.RaisePriority])])).Open("P3");

        Assert.Equal(Monday9.AddHours(2), w.Timer("sla:response")!.Value);
        w.Advance(TimeSpan.FromHours(2) - Second);
        Assert.Empty(w.Kind("sla-warning"));
        w.Advance(TimeSpan.FromHours(4) + Second);

        var fired = w.History.Where(h => h.Kind.StartsWith("sla-", StringComparison.Ordinal) && (string?)h.Data!["metric"] == "response").ToList();
        Assert.Equal(["sla-warning", "sla-warning", "sla-breach", "sla-escalation"], fired.Select(h => h.Kind));
        Assert.Equal([50, 75, 100, 150], fired.Select(h => (int)h.Data!["percent"]!));
        Assert.Equal("P2", w.Ticket.Priority);
        Assert.Equal("breached", w.Clock("response").State);
        Assert.Null(w.Timer("sla:response"));
    }

    [Fact]
    public void WarningsGoToTheSupervisorAndTheAssigneeWhenThereIsOne()
    {
        var w = new WorkflowOnAFakeClock(Monday9, WorkflowOnAFakeClock.Policy("04:00:00", "08:00:00", "24:00:00", [50])).Open();
        w.Advance(TimeSpan.FromHours(2));
        string[] Alerts() => w.Outbox.Where(o => o.Kind == "notify" && ((string?)o.Payload["event"])?.StartsWith("sla-", StringComparison.Ordinal) == true).Select(o => (string)o.Payload["audience"]!).ToArray();
        Assert.Equal(["supervisor"], Alerts());

        w.Outbox.Clear();
        w.Act("assign", new ActionInput(EngineerId: "eng-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b0"));
        w.Advance(TimeSpan.FromHours(2));
        Assert.Equal(["assignee", "supervisor"], Alerts());
    }

    [Fact]
    public void APausedResolutionClockStopsAndResumingShiftsItsDueTime()
    {
        var w = new WorkflowOnAFakeClock(Monday9, WorkflowOnAFakeClock.Policy("01:00:00", "02:00:00", "08:00:00", [])).Open();
        var engineer = WorkflowOnAFakeClock.Engineer;
        w.Act("assign", new ActionInput(EngineerId: "eng-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b1"));
        w.Act("accept", caller: engineer).Act("arrive", new ActionInput(Lat: 31.2, Lng: 121.4), engineer);
        var due = w.Timer("sla:resolution")!.Value;
        Assert.Equal(Monday9.AddHours(8), due);

        w.Advance(TimeSpan.FromHours(1)).Act("pause", new ActionInput(Reason: "waiting-parts"), engineer);
        Assert.Null(w.Timer("sla:resolution"));
        w.Advance(TimeSpan.FromHours(30));
        Assert.Equal("paused", w.Clock("resolution").State);
        Assert.Equal("01:00:00", w.Clock("resolution").Elapsed);
        Assert.Empty(w.Kind("sla-breach"));

        w.Act("resume", caller: engineer);
        Assert.Equal(due.AddHours(30), w.Timer("sla:resolution")!.Value);
        Assert.Equal(TicketStatus.OnSite, w.Ticket.Status);
    }

    [Fact]
    public void APriorityChangeTakesTheNewPolicysTargetAndKeepsElapsedTime()
    {
        var w = new WorkflowOnAFakeClock(Monday9,
            WorkflowOnAFakeClock.Policy("04:00:00", "08:00:00", "24:00:00", [], priority: "P3"),
            WorkflowOnAFakeClock.Policy("01:00:00", "02:00:00", "08:00:00", [], priority: "P1")).Open("P3");
        w.Advance(TimeSpan.FromMinutes(45));

        w.Act("prioritize", new ActionInput(Priority: "P1", Reason: "停产"));

        Assert.Equal("01:00:00", w.Clock("response").Target);
        Assert.Equal("00:45:00", w.Clock("response").Elapsed);
        Assert.Equal(w.Now.AddMinutes(15), w.Timer("sla:response")!.Value);
    }

    [Fact]
    public void ABreachedClockStaysBreachedWhenTheWorkIsDoneLate()
    {
        var w = new WorkflowOnAFakeClock(Monday9, WorkflowOnAFakeClock.Policy("01:00:00", "02:00:00", "08:00:00", [])).Open();
        w.Act("assign", new ActionInput(EngineerId: "eng-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b1")).Advance(TimeSpan.FromMinutes(30));
        w.Act("accept", new ActionInput(Reason: "电话确认"));
        Assert.Equal("met", w.Clock("response").State);

        var late = new WorkflowOnAFakeClock(Monday9, WorkflowOnAFakeClock.Policy("01:00:00", "02:00:00", "08:00:00", [])).Open();
        late.Advance(TimeSpan.FromMinutes(90)).Act("assign", new ActionInput(EngineerId: "eng-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b1"));
        late.Act("accept", new ActionInput(Reason: "电话确认"));
        Assert.Equal("breached", late.Clock("response").State);
        Assert.Null(late.Timer("sla:response"));
    }

    [Fact]
    public void ClocksOnABusinessCalendarWaitOverNightsAndWeekends()
    {
        var friday17 = DateTimeOffset.Parse("2026-11-20T17:00:00+08:00");
        var calendar = BusinessCalendar.From(ChinaCalendar.Demo2026To2027.Validate());
        var w = new WorkflowOnAFakeClock(friday17, WorkflowOnAFakeClock.Policy("02:00:00", "04:00:00", "16:00:00", [50], calendarId: "cal-1"))
            .WithCalendar("cal-1", calendar).Open();

        Assert.Equal(DateTimeOffset.Parse("2026-11-20T18:00:00+08:00"), w.Timer("sla:response")!.Value);
        w.Advance(TimeSpan.FromHours(1));
        Assert.Single(w.Kind("sla-warning"));
        Assert.Equal(DateTimeOffset.Parse("2026-11-23T10:00:00+08:00"), w.Timer("sla:response")!.Value);
    }

    [Fact]
    public void ADeclineHandsTheTicketBackAndRemembersWhoDeclined()
    {
        var w = new WorkflowOnAFakeClock(Monday9).Open();
        w.Act("assign", new ActionInput(EngineerId: "eng-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b1"));
        w.Act("decline", new ActionInput(Reason: "太远"), WorkflowOnAFakeClock.Engineer);

        Assert.Equal(TicketStatus.Submitted, w.Ticket.Status);
        Assert.Null(w.Ticket.AssignedEngineerId);
        Assert.Equal(["eng-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b1"], w.Ticket.Work!.DeclinedBy!);
        // The engineer has no part in the ticket any more: nothing is offered to them; the dispatcher may assign it again.
        Assert.Empty(Assert.Throws<ActionNotAllowedException>(() => w.Act("accept", caller: WorkflowOnAFakeClock.Engineer)).AllowedActions);
        Assert.Contains("assign", Assert.Throws<ActionNotAllowedException>(() => w.Act("accept")).AllowedActions);
    }

    [Fact]
    public void AResponseBreachTakesTheJobFromAnEngineerWhoHasNotAcceptedAndAsksDispatchAgain()
    {
        var w = new WorkflowOnAFakeClock(Monday9, WorkflowOnAFakeClock.Policy("01:00:00", "02:00:00", "08:00:00", [])).Open();
        w.Act("assign", new ActionInput(EngineerId: "eng-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b1"));
        w.Outbox.Clear();
        w.Advance(TimeSpan.FromHours(1));

        Assert.Equal(TicketStatus.Submitted, w.Ticket.Status);
        Assert.Null(w.Ticket.AssignedEngineerId);
        Assert.Equal(["eng-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b1"], w.Ticket.Dispatch!.Excluded!);
        Assert.Single(w.Kind("sla-reassign"));
        Assert.Contains(w.Outbox, o => o.Kind == "dispatch");
    }

    [Fact]
    public void AResolvedTicketClosesWhenTheConfirmationWindowEnds()
    {
        var w = new WorkflowOnAFakeClock(Monday9, WorkflowOnAFakeClock.Policy("01:00:00", "02:00:00", "08:00:00", [])).Open();
        var engineer = WorkflowOnAFakeClock.Engineer;
        w.Act("assign", new ActionInput(EngineerId: "eng-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b1")).Act("accept", caller: engineer)
            .Act("arrive", new ActionInput(Lat: 31.2, Lng: 121.4), engineer)
            .Act("resolve", new ActionInput(Cause: "松动", Solution: "紧固", LaborMinutes: 30), engineer);

        w.Advance(TimeSpan.FromHours(71));
        Assert.Equal(TicketStatus.Resolved, w.Ticket.Status);
        w.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TicketStatus.Closed, w.Ticket.Status);
        Assert.True(w.Completed);
        Assert.Empty(w.Instance.Timers);

        w.Advance(TimeSpan.FromDays(2)).Act("reopen", new ActionInput(Reason: "又漏气了"));
        Assert.Equal(TicketStatus.Assigned, w.Ticket.Status);
        Assert.False(w.Completed);
        Assert.Equal("running", w.Clock("resolution").State);
    }
}
