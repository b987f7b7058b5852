using ServerlessService.Core.Sla;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.UnitTests;

/// <summary>What a cancelled ticket's SLA says: its unfinished clocks are cancelled, and the ticket counts neither as met nor as missed.</summary>
public sealed class SlaCancellationTests
{
    private static readonly DateTimeOffset Monday9 = DateTimeOffset.Parse("2026-11-23T09:00:00+08:00");
    private const string EngineerId = "eng-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b1";

    private static WorkflowOnAFakeClock Opened() =>
        new WorkflowOnAFakeClock(Monday9, WorkflowOnAFakeClock.Policy("04:00:00", "08:00:00", "24:00:00", [50])).Open();

    [Fact]
    public void ATicketCancelledBeforeItsTargetsReadsCancelledOnEveryClockAndInTheList()
    {
        var w = Opened();
        w.Advance(TimeSpan.FromHours(1)).Act("cancel", new ActionInput(Reason: "客户已自行修复"));

        Assert.Equal(["cancelled", "cancelled", "cancelled"], SlaMetrics.All.Select(m => w.Clock(m).State));
        Assert.Equal("01:00:00", w.Clock("response").Elapsed);
        Assert.Equal("cancelled", w.Ticket.Summary().SlaState);
        Assert.Null(w.Ticket.Summary().SlaDue);
        Assert.Empty(w.Instance.Timers);
        // Later reads do not count on: the clock stays where the cancel left it.
        w.Advance(TimeSpan.FromHours(30));
        Assert.Equal("01:00:00", w.Clock("response").Elapsed);
        Assert.Empty(w.Kind("sla-breach"));
    }

    [Fact]
    public void AResponseMetBeforeTheCancelStaysMetWhileTheTicketCountsAsCancelled()
    {
        var w = Opened();
        w.Act("assign", new ActionInput(EngineerId: EngineerId)).Advance(TimeSpan.FromMinutes(20))
            .Act("accept", caller: WorkflowOnAFakeClock.Engineer).Advance(TimeSpan.FromMinutes(20))
            .Act("cancel", new ActionInput(Reason: "设备已更换"));

        Assert.Equal("met", w.Clock("response").State);
        Assert.Equal("cancelled", w.Clock("arrival").State);
        Assert.Equal("cancelled", w.Clock("resolution").State);
        Assert.Equal("cancelled", w.Ticket.Summary().SlaState);
    }

    [Fact]
    public void APausedClockIsCancelledWithTheTicket()
    {
        var engineer = WorkflowOnAFakeClock.Engineer;
        var w = Opened();
        w.Act("assign", new ActionInput(EngineerId: EngineerId)).Act("accept", caller: engineer)
            .Act("arrive", new ActionInput(Lat: 31.2, Lng: 121.4), engineer)
            .Act("pause", new ActionInput(Reason: "waiting-parts"), engineer).Advance(TimeSpan.FromHours(2))
            .Act("cancel", new ActionInput(Reason: "客户改为退货"));

        Assert.Equal("cancelled", w.Clock("resolution").State);
        Assert.Equal("met", w.Clock("arrival").State);
    }

    [Fact]
    public void ABreachedClockStaysBreachedButTheCancelledTicketLeavesTheEscalationsInbox()
    {
        var w = Opened();
        w.Advance(TimeSpan.FromHours(5));
        Assert.Equal("breached", w.Ticket.Summary().SlaState);
        Assert.Contains("sla|breached", TicketIndex.PartitionsOf(w.Ticket.Summary()));

        w.Act("cancel", new ActionInput(Reason: "重复报修"));

        Assert.Equal("breached", w.Clock("response").State);
        Assert.Equal("cancelled", w.Clock("resolution").State);
        Assert.Equal("cancelled", w.Ticket.Summary().SlaState);
        Assert.DoesNotContain(TicketIndex.PartitionsOf(w.Ticket.Summary()), p => p.StartsWith("sla|", StringComparison.Ordinal));
    }

    [Fact]
    public void ADefinitionThatStopsClocksInCancelledStillCancelsThemInsteadOfMeetingThem()
    {
        var builtIn = DefinitionStore.BuiltIn;
        // As an admin might publish it: Cancelled under stopIn (which would mean met), and no cancelIn at all.
        var clocks = builtIn.Clocks.ToDictionary(c => c.Key, c => c.Value with { StopIn = [.. c.Value.StopIn ?? [], "Cancelled"], CancelIn = null });
        var w = new WorkflowOnAFakeClock(Monday9, WorkflowOnAFakeClock.Policy("04:00:00", "08:00:00", "24:00:00", []))
            .WithDefinition(builtIn with { Clocks = clocks }).Open();
        w.Advance(TimeSpan.FromMinutes(30)).Act("cancel", new ActionInput(Reason: "客户已自行修复"));

        Assert.Equal(["cancelled", "cancelled", "cancelled"], SlaMetrics.All.Select(m => w.Clock(m).State));
        Assert.Equal("cancelled", w.Ticket.Summary().SlaState);
    }

    [Fact]
    public void ATicketStoredCancelledWithMetOrRunningClocksReadsCancelledExceptWhatWasMetBefore()
    {
        var cancelledAt = Monday9.AddHours(3);
        var w = Opened();
        var stored = w.Ticket with
        {
            Status = TicketStatus.Cancelled,
            UpdatedAt = cancelledAt,
            Sla = w.Ticket.Sla! with
            {
                Clocks =
                [
                    Clock("response", ClockStates.Met, stoppedAt: Monday9.AddHours(1)),
                    Clock("arrival", ClockStates.Met, stoppedAt: cancelledAt),
                    Clock("resolution", ClockStates.Running, stoppedAt: null) with { Since = Monday9 },
                ],
            },
        };

        var read = stored.AsRead();

        Assert.Equal([ClockStates.Met, ClockStates.Cancelled, ClockStates.Cancelled], read.Sla!.Clocks.Select(c => c.State));
        Assert.Equal(TimeSpan.FromHours(1), read.Sla.Clock("resolution").ElapsedAt(cancelledAt.AddDays(3), BusinessCalendar.AlwaysOpen));
        Assert.Equal("cancelled", read.Summary().SlaState);
        Assert.Equal(read.Sla.Clocks, read.AsRead().Sla!.Clocks);
        Assert.Same(w.Ticket, w.Ticket.AsRead());
    }

    [Fact]
    public void AListRowWrittenAsMetForACancelledTicketReadsCancelled()
    {
        var row = Opened().Ticket.Summary() with { Status = TicketStatus.Cancelled, SlaState = "met" };
        Assert.Equal("cancelled", row.AsRead().SlaState);

        var resolved = row with { Status = TicketStatus.Resolved };
        Assert.Equal("met", resolved.AsRead().SlaState);
        Assert.Null((row with { SlaState = null }).AsRead().SlaState);
    }

    private static SlaClock Clock(string metric, string state, DateTimeOffset? stoppedAt) =>
        new(metric, TimeSpan.FromHours(4), state, TimeSpan.FromHours(1), null, [], false, stoppedAt);
}
