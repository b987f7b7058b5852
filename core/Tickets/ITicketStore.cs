using ServerlessService.Core.Common;

namespace ServerlessService.Core.Tickets;

public interface ITicketStore
{
    Task<Stored<Ticket>?> GetIfExistsAsync(string id, CancellationToken ct);
    /// <summary>False when a ticket with this id already exists.</summary>
    Task<bool> TryAddAsync(Ticket ticket, CancellationToken ct);
    Task<Paged<TicketSummary>> ListAsync(TicketFilter filter, PageRequest page, CancellationToken ct);
}
