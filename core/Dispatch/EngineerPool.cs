using ServerlessService.Core.Common;
using ServerlessService.Core.Engineers;

namespace ServerlessService.Core.Dispatch;

/// <summary>
/// All engineers with their open jobs, for dispatch decisions; cached for a few seconds because the reservation,
/// not this snapshot, is what guards capacity (a stale load only costs a retry with the next candidate).
/// </summary>
public sealed class EngineerPool(IEngineerStore engineers, EngineerLoads loads, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private readonly Refreshing<IReadOnlyList<EngineerState>> _cache = new(CacheFor, clock);

    /// <param name="fresh">Read storage even if the cache is young: before holding a ticket, look at the engineers as they are now.</param>
    public Task<IReadOnlyList<EngineerState>> SnapshotAsync(CancellationToken ct, bool fresh = false) => _cache.GetAsync(() => ReadAsync(ct), fresh);

    private async Task<IReadOnlyList<EngineerState>> ReadAsync(CancellationToken ct)
    {
        var all = new List<Engineer>();
        string? token = null;
        do
        {
            var page = await engineers.ListAsync(null, new PageRequest(PageRequest.MaxSize, token), ct);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        } while (token is not null);
        var open = await loads.AllAsync(ct);
        return all.Select(e => new EngineerState(e, open.GetValueOrDefault(e.Id))).ToList();
    }
}
