using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServerlessService.Orchestrations.Runtime;

public sealed record SweepResult(int Instances, int TimersResent, int OutboxResent, int Retired);

/// <summary>
/// Re-sends the queue messages of overdue timers and pending outbox items, which are lost when a process dies
/// between a commit and its sends. Handlers ignore duplicates, so re-sending too much is harmless.
/// </summary>
public sealed class Sweeper(InstanceStore store, ActiveInstances active, WorkQueues queues, TimeProvider clock, IOptions<WorkflowOptions> options, ILogger<Sweeper> log)
{
    /// <summary>An active mark without an instance may belong to a start still in flight; only old ones are removed.</summary>
    private static readonly TimeSpan OrphanAge = TimeSpan.FromMinutes(5);

    public async Task<SweepResult> SweepOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var overdue = now - options.Value.SweepGrace;
        int instances = 0, timers = 0, outbox = 0, retired = 0;
        await foreach (var (id, markedAt) in active.ListAsync(ct))
        {
            instances++;
            var instance = await store.GetIfExistsAsync<JsonObject>(id, ct);
            if (instance is null)
            {
                if (markedAt < now - OrphanAge) await active.UnmarkAsync(id, ct);
                continue;
            }
            foreach (var (name, t) in instance.Meta.Timers.Where(t => t.Value.DueAt < overdue))
            {
                await queues.SendTimerAsync(new TimerMessage(id, instance.Meta.Definition, name, t.Generation, t.DueAt), ct);
                timers++;
            }
            var pending = (await store.OutboxAsync(id, ct)).Where(o => o.Status == OutboxStatus.Pending).ToList();
            foreach (var item in pending.Where(o => o.NextAttemptAt < overdue))
            {
                await queues.SendOutboxAsync(new OutboxMessage(id, item.Id), now, ct);
                outbox++;
            }
            if (instance.Meta.Completed && instance.Meta.Timers.Count == 0 && pending.Count == 0)
            {
                await active.UnmarkAsync(id, ct);
                retired++;
            }
        }
        if (timers + outbox > 0) log.LogInformation("Sweep re-sent {Timers} timers and {Outbox} outbox items.", timers, outbox);
        return new SweepResult(instances, timers, outbox, retired);
    }
}
