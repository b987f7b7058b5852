using Microsoft.DurableTask;

namespace ServerlessService.Orchestrations.Tickets;

/// <summary>
/// One orchestration per ticket (instance id = ticket id), the human-interaction pattern: wait for the next event
/// (an action) or the next durable timer (SLA threshold, state timer, a held-back message), whichever comes first,
/// and apply it with the pure lifecycle steps. Every few dozen steps it continues as new, carrying its state and the
/// events not yet processed, so the history of a long ticket stays short. A closed or cancelled ticket's
/// orchestration keeps waiting (it costs nothing while idle): customers still rate, reopen within the window, and
/// an event is never sent to an instance that has ended.
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
        Task<TicketEvent>? waiter = null;
        Task? timer = null;
        DateTimeOffset? timerDue = null;
        var timerCancel = new CancellationTokenSource();
        for (var i = 0; i < StepsPerGeneration; i++)
        {
            context.SetCustomStatus(run.Status());
            // One waiter and one timer live across turns; the timer is replaced only when the next due time changes.
            waiter ??= context.WaitForExternalEvent<TicketEvent>(TicketEvent.Name);
            var due = session.NextDue();
            if (due != timerDue)
            {
                timerCancel.Cancel();
                timerCancel = new CancellationTokenSource();
                timer = due is null ? null : context.CreateTimer(due.Value.UtcDateTime, timerCancel.Token);
                timerDue = due;
            }
            var effect = session.AnyEffect();
            var first = await Task.WhenAny(new Task?[] { waiter, timer, effect }.OfType<Task>());
            if (first == waiter)
            {
                var ev = await waiter;
                waiter = null;
                await session.OnEventAsync(ev);
            }
            else if (first == timer)
            {
                timer = null;
                timerDue = null;
                await session.OnTimeAsync(due!.Value);
            }
            else await session.OnEffectDoneAsync(effect!);
        }
        await session.DrainAsync();
        // An event handed to the waiter is applied here; later ones are carried over unprocessed.
        if (waiter is { IsCompleted: true }) await session.OnEventAsync(await waiter);
        await session.DrainAsync();
        timerCancel.Cancel();
        context.SetCustomStatus(run.Status());
        // A new generation has no history to replay: it takes the current rules.
        run.CauseTime = true;
        run.StepInOneActivity = true;
        context.ContinueAsNew(run, preserveUnprocessedEvents: true);
        return run;
    }
}
