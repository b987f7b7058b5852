using Microsoft.DurableTask;

namespace ServerlessService.Orchestrations.Tickets;

/// <summary>
/// One orchestration per ticket (instance id = ticket id), the human-interaction pattern: wait for the next event
/// (an action) or the next durable timer (SLA threshold, state timer, a held-back message), whichever comes first,
/// and apply it with the pure lifecycle steps. Every few dozen steps it continues as new, carrying its state and the
/// events not yet processed, so the history of a long ticket stays short. A closed ticket ends once nothing is
/// pending and its reopen window has passed; an action after that starts it again from its last state.
/// </summary>
public sealed class TicketOrchestrator : TaskOrchestrator<TicketRun, TicketRun>
{
    public const string Name = "Ticket";
    internal const int StepsPerGeneration = 40;

    public override async Task<TicketRun> RunAsync(TaskOrchestrationContext context, TicketRun run)
    {
        var session = new TicketSession(context, run);
        if (!run.Started) await session.StartAsync();
        if (run.Resume) await session.ResumeAsync();
        for (var i = 0; i < StepsPerGeneration; i++)
        {
            context.SetCustomStatus(run.Status());
            if (await session.RetiresAsync()) return run;
            var due = session.NextDue();
            using var cts = new CancellationTokenSource();
            var next = context.WaitForExternalEvent<TicketEvent>(TicketEvent.Name, cts.Token);
            if (due is null)
            {
                await session.OnEventAsync(await next);
                continue;
            }
            var timer = context.CreateTimer(due.Value.UtcDateTime, cts.Token);
            var first = await Task.WhenAny(next, timer);
            cts.Cancel();
            if (first == next) await session.OnEventAsync(await next);
            else await session.OnTimeAsync(due.Value);
        }
        context.ContinueAsNew(run, preserveUnprocessedEvents: true);
        return run;
    }
}
