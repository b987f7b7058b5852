using System.Text.Json;
using Azure.Storage.Queues;
using ServerlessService.Core.Storage;
using Microsoft.Extensions.Options;

namespace ServerlessService.Orchestrations.Runtime;

/// <summary>The runtime's queues: outbox work and durable timers (messages made visible at their due time).</summary>
public sealed class WorkQueues(StorageAccount account, TimeProvider clock, IOptions<WorkflowOptions> options)
{
    public QueueClient Outbox { get; } = account.Queue(WorkflowTables.OutboxQueue);
    public QueueClient Timers { get; } = account.Queue(WorkflowTables.TimerQueue);

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        foreach (var t in WorkflowTables.Tables) await account.Table(t).CreateIfNotExistsAsync(ct);
        await Outbox.CreateIfNotExistsAsync(cancellationToken: ct);
        await Timers.CreateIfNotExistsAsync(cancellationToken: ct);
    }

    public Task SendOutboxAsync(OutboxMessage m, DateTimeOffset notBefore, CancellationToken ct) =>
        Outbox.SendMessageAsync(JsonSerializer.Serialize(m, JsonRows.Json), DelayUntil(notBefore), TimeSpan.FromSeconds(-1), ct);

    /// <summary>Timers further out than the queue allows are sent for the horizon and re-armed when they surface.</summary>
    public Task SendTimerAsync(TimerMessage m, CancellationToken ct) =>
        Timers.SendMessageAsync(JsonSerializer.Serialize(m, JsonRows.Json), DelayUntil(m.DueAt), TimeSpan.FromSeconds(-1), ct);

    private TimeSpan DelayUntil(DateTimeOffset at)
    {
        var delay = at - clock.GetUtcNow();
        if (delay <= TimeSpan.Zero) return TimeSpan.Zero;
        var max = options.Value.MaxTimerDelay;
        return delay > max ? max : delay;
    }
}
