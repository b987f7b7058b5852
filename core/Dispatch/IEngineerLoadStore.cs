using ServerlessService.Core.Common;

namespace ServerlessService.Core.Dispatch;

/// <summary>Per engineer an open-job count and a reservation per ticket, changed together; a change is refused when the count's version moved.</summary>
public interface IEngineerLoadStore
{
    /// <summary>The engineer's open-job count with its version; null while the engineer never had a job.</summary>
    Task<Stored<int>?> GetLoadAsync(string engineerId, CancellationToken ct);
    Task<bool> HasReservationAsync(string engineerId, string ticketId, CancellationToken ct);
    /// <summary>Sets the count (read as <paramref name="load"/>, null: no count yet) and adds the reservation at once; false when someone else changed either first.</summary>
    Task<bool> TryReserveAsync(string engineerId, string ticketId, Stored<int>? load, int count, CancellationToken ct);
    /// <summary>Sets the count and removes the reservation at once; false when someone else changed either first.</summary>
    Task<bool> TryReleaseAsync(string engineerId, string ticketId, Stored<int> load, int count, CancellationToken ct);
    /// <summary>Open jobs of every engineer that has a count; not for a request path (it reads the whole table).</summary>
    Task<IReadOnlyDictionary<string, int>> AllAsync(CancellationToken ct);
}
