namespace ServerlessService.Core.Dispatch;

/// <summary>
/// Open jobs per engineer: a count and one reservation per job, changed together (<see cref="IEngineerLoadStore"/>).
/// A reservation is taken only while the count is below maxConcurrentJobs, so concurrent dispatches never put an
/// engineer over capacity; taking or releasing the same reservation twice changes nothing.
/// </summary>
public sealed class EngineerLoads(IEngineerLoadStore store)
{
    private const int Attempts = 50;

    /// <summary>False when the engineer is at capacity (unless forced: a dispatcher's manual assignment may overbook).</summary>
    public async Task<bool> TryReserveAsync(string engineerId, string ticketId, int max, bool force, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var load = await store.GetLoadAsync(engineerId, ct);
            var count = load?.Value ?? 0;
            if (await store.HasReservationAsync(engineerId, ticketId, ct)) return true;
            if (!force && count >= max) return false;
            if (await store.TryReserveAsync(engineerId, ticketId, load, count + 1, ct)) return true;
            await BackOffAsync(attempt, ct);
        }
        throw new InvalidOperationException($"Could not reserve capacity of {engineerId}: too much contention.");
    }

    public async Task ReleaseAsync(string engineerId, string ticketId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var load = await store.GetLoadAsync(engineerId, ct);
            if (load is null || !await store.HasReservationAsync(engineerId, ticketId, ct)) return;
            if (await store.TryReleaseAsync(engineerId, ticketId, load, Math.Max(0, load.Value - 1), ct)) return;
            await BackOffAsync(attempt, ct);
        }
        throw new InvalidOperationException($"Could not release capacity of {engineerId}: too much contention.");
    }

    /// <summary>Open jobs of every engineer that has any; read by background dispatch, never on a request path.</summary>
    public Task<IReadOnlyDictionary<string, int>> AllAsync(CancellationToken ct) => store.AllAsync(ct);

    private static Task BackOffAsync(int attempt, CancellationToken ct) => Task.Delay(Random.Shared.Next(1, 10 + attempt * 5), ct);
}
