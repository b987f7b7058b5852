using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServerlessService.Orchestrations.Runtime;

/// <summary>
/// Executes outbox items: at least once, retried with exponential back-off, parked as poison after the last attempt.
/// A done or parked item is never run again by a duplicate message.
/// </summary>
public sealed class OutboxRunner(
    InstanceStore store, IServiceProvider services, WorkQueues queues, PoisonStore poison, TimeProvider clock,
    IOptions<WorkflowOptions> options, ILogger<OutboxRunner> log)
{
    // Resolved on first use: handlers may themselves step workflows through the runtime that uses this runner.
    private readonly Lazy<Dictionary<string, IOutboxHandler>> _handlers =
        new(() => services.GetServices<IOutboxHandler>().ToDictionary(h => h.Kind, StringComparer.Ordinal));

    public Task RunInlineAsync(OutboxItem item, CancellationToken ct) => RunAsync(new OutboxMessage(item.InstanceId, item.Id), ct);

    public async Task RunAsync(OutboxMessage m, CancellationToken ct)
    {
        if (await store.GetOutboxAsync(m.InstanceId, m.OutboxId, ct) is not var (item, etag) || item.Status != OutboxStatus.Pending) return;
        if (item.NextAttemptAt - clock.GetUtcNow() > TimeSpan.FromSeconds(1))
        {
            // Held back (quiet hours, back-off) and the message surfaced early: put it back for the rest.
            await queues.SendOutboxAsync(m, item.NextAttemptAt, ct);
            return;
        }
        string error;
        try
        {
            if (!_handlers.Value.TryGetValue(item.Kind, out var handler)) throw new InvalidOperationException($"No handler for outbox kind '{item.Kind}'.");
            await handler.HandleAsync(item, ct);
            await store.TryReplaceOutboxAsync(item with { Status = OutboxStatus.Done, Attempts = item.Attempts + 1, CompletedAt = clock.GetUtcNow() }, etag, ct);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = e.GetType().Name + ": " + e.Message;
            log.LogWarning("Outbox {Kind} {Id} of {Instance} failed (attempt {Attempt}): {Error}", item.Kind, item.Id, item.InstanceId, item.Attempts + 1, error);
        }
        await FailAsync(item, etag, error, ct);
    }

    private async Task FailAsync(OutboxItem item, Azure.ETag etag, string error, CancellationToken ct)
    {
        var o = options.Value;
        var attempts = item.Attempts + 1;
        var now = clock.GetUtcNow();
        if (attempts >= o.MaxAttempts)
        {
            var parked = item with { Status = OutboxStatus.Parked, Attempts = attempts, LastError = Truncate(error) };
            if (await store.TryReplaceOutboxAsync(parked, etag, ct)) await poison.ParkAsync(parked, ct);
            return;
        }
        var delay = TimeSpan.FromTicks(Math.Min(o.RetryMaxDelay.Ticks, o.RetryBaseDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
        var retry = item with { Attempts = attempts, NextAttemptAt = now + delay, LastError = Truncate(error) };
        if (await store.TryReplaceOutboxAsync(retry, etag, ct))
            await queues.SendOutboxAsync(new OutboxMessage(item.InstanceId, item.Id), retry.NextAttemptAt, ct);
    }

    private static string Truncate(string s) => s.Length <= 1000 ? s : s[..1000];
}
