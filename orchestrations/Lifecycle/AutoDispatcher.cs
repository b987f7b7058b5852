using Microsoft.DurableTask;
using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Sla;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle;

public sealed record DispatchWork(string TicketId, Ticket Ticket);

/// <summary>
/// Automatic dispatch, an activity of the ticket's orchestration whenever the ticket waits for an engineer: rank the
/// pool and reserve the best candidate's capacity (the next one when that fails; once more on a fresh pool before
/// giving up). The orchestration assigns the engineer returned, or holds the ticket for a dispatcher when none is.
/// Reservations are per (engineer, ticket), so a repeated run reserves nothing twice.
/// </summary>
public sealed class DispatchActivity(EngineerPool pool, EngineerLoads loads, SlaService sla, TimeProvider clock) : TaskActivity<DispatchWork, DispatchDecision>
{
    public const string Name = "Dispatch";

    public override async Task<DispatchDecision> RunAsync(TaskActivityContext context, DispatchWork work)
    {
        var ct = CancellationToken.None;
        var calendars = (await sla.SnapshotAsync(ct)).Calendars;
        BusinessCalendar Calendar(string? id) => id is not null && calendars.TryGetValue(id, out var c) ? c : BusinessCalendar.AlwaysOpen;
        DispatchDecision? decision = null;
        foreach (var fresh in new[] { false, true })
        {
            decision = DispatchEngine.Decide(work.Ticket, await pool.SnapshotAsync(ct, fresh), Calendar, clock.GetUtcNow());
            foreach (var candidate in decision.Candidates)
            {
                if (!await loads.TryReserveAsync(candidate.EngineerId, work.TicketId, candidate.MaxJobs, force: false, ct)) continue;
                return decision with { EngineerId = candidate.EngineerId, Candidates = [candidate, .. decision.Candidates.Where(c => c != candidate)] };
            }
        }
        return decision!.EngineerId is null ? decision
            : decision with { EngineerId = null, HeldReason = "every eligible engineer reached capacity meanwhile" };
    }
}
