using ServerlessService.Core.Common;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>Tickets as the archive sees them: read from the read model, added by scheduling their orchestration, listed from the index.</summary>
public sealed class WorkflowTicketStore(TicketRecords records, TicketLifecycle lifecycle, TicketIndex index) : ITicketStore
{
    public async Task<Stored<Ticket>?> GetIfExistsAsync(string id, CancellationToken ct) =>
        await records.GetIfExistsAsync(id, ct) is { } r ? new Stored<Ticket>(r.Ticket, "") : null;

    public Task<bool> TryAddAsync(Ticket ticket, CancellationToken ct) => lifecycle.StartAsync(ticket, ct);

    public Task<Paged<TicketSummary>> ListAsync(TicketFilter filter, PageRequest page, CancellationToken ct) => index.ListAsync(filter, page, ct);
}
