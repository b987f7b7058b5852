using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Runtime;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>Brings a ticket's list rows in line with the ticket as it is now; runs inline after each step, retried from the outbox.</summary>
public sealed class IndexSyncHandler(InstanceStore instances, TicketIndex index) : IOutboxHandler
{
    public const string KindName = "ticket.index";
    public string Kind => KindName;

    public async Task HandleAsync(OutboxItem item, CancellationToken ct)
    {
        var ticket = await instances.GetIfExistsAsync<Ticket>(item.InstanceId, ct);
        if (ticket is null) return;
        var stale = item.Payload["stale"]?.AsArray().Select(s => (string)s!).ToList() ?? [];
        await index.SyncAsync(ticket.Data.Summary(), stale, ct);
    }
}
