using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Runtime;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>
/// Automatic dispatch, run as an outbox activity whenever a ticket waits for an engineer: rank the pool, reserve the
/// best candidate's capacity (the next one when that fails), then assign in a lifecycle step; with nobody eligible,
/// hold the ticket for a dispatcher. A reservation whose assignment did not happen is given back.
/// </summary>
public sealed class AutoDispatcher(TicketLifecycle lifecycle, InstanceStore instances, WorkflowRuntime runtime, EngineerPool pool, EngineerLoads loads,
    TimeProvider clock)
{
    public async Task DispatchAsync(string ticketId, CancellationToken ct)
    {
        var current = await instances.GetIfExistsAsync<Ticket>(ticketId, ct);
        if (current is null || current.Data.Status != TicketStatus.Submitted || current.Data.AssignedEngineerId is not null
            || current.Data.Dispatch?.HoldForManual == true) return;
        var ctx = await lifecycle.ContextAsync(current.Meta.Version, ct);
        DispatchDecision? decision = null;
        // The cached pool first; before holding the ticket, once more with the engineers as they are now.
        foreach (var fresh in new[] { false, true })
        {
            decision = DispatchEngine.Decide(current.Data, await pool.SnapshotAsync(ct, fresh), ctx.Calendar, clock.GetUtcNow());
            if (await TryAssignAsync(ticketId, decision, ctx, ct)) return;
        }
        var held = decision!.EngineerId is null ? decision
            : decision with { EngineerId = null, HeldReason = "every eligible engineer reached capacity meanwhile" };
        await runtime.ExecuteAsync<Ticket>(ticketId, null, i => TicketEngine.Hold(i, held, ctx with { Now = clock.GetUtcNow() }), ct);
    }

    /// <summary>True when the ticket no longer needs dispatch: assigned now, or changed meanwhile.</summary>
    private async Task<bool> TryAssignAsync(string ticketId, DispatchDecision decision, StepContext ctx, CancellationToken ct)
    {
        foreach (var candidate in decision.Candidates)
        {
            if (!await loads.TryReserveAsync(candidate.EngineerId, ticketId, candidate.MaxJobs, force: false, ct)) continue;
            var chosen = decision with { EngineerId = candidate.EngineerId, Candidates = [candidate, .. decision.Candidates.Where(c => c != candidate)] };
            var result = await runtime.ExecuteAsync<Ticket>(ticketId, null, i => TicketEngine.AutoAssign(i, chosen, ctx with { Now = clock.GetUtcNow() }), ct);
            if (result.Instance.Data.AssignedEngineerId != candidate.EngineerId) await loads.ReleaseAsync(candidate.EngineerId, ticketId, ct);
            return true;
        }
        return false;
    }
}

/// <summary>The outbox side of automatic dispatch.</summary>
public sealed class DispatchHandler(AutoDispatcher dispatcher) : IOutboxHandler
{
    public const string KindName = "dispatch";
    public string Kind => KindName;

    public Task HandleAsync(OutboxItem item, CancellationToken ct) => dispatcher.DispatchAsync(item.InstanceId, ct);
}
