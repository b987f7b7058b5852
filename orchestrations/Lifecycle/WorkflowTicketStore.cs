using ServerlessService.Core.Common;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Runtime;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>Tickets are lifecycle instances: read from their state row, added by starting the lifecycle, listed from the index.</summary>
public sealed class WorkflowTicketStore(InstanceStore instances, TicketLifecycle lifecycle, TicketIndex index) : ITicketStore
{
    public async Task<Stored<Ticket>?> GetIfExistsAsync(string id, CancellationToken ct) =>
        await instances.GetIfExistsAsync<Ticket>(id, ct) is { } i ? new Stored<Ticket>(i.Data, i.ETag) : null;

    public Task<bool> TryAddAsync(Ticket ticket, CancellationToken ct) => lifecycle.StartAsync(ticket, ct);

    public Task<Paged<TicketSummary>> ListAsync(TicketFilter filter, PageRequest page, CancellationToken ct) => index.ListAsync(filter, page, ct);
}
