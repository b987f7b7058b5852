using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;

namespace ServerlessService.Orchestrations.Runtime;

/// <summary>
/// Runs steps of workflow instances: read the state row, decide, and commit state, history, outbox and
/// applied-event rows in one ETag-guarded transaction; a conflicting writer retries from a fresh read.
/// After the commit it sends the queue messages for new timers and outbox items (the sweep re-sends them if
/// this process dies first).
/// </summary>
public sealed class WorkflowRuntime(
    InstanceStore store, InstanceCache cache, WorkQueues queues, ActiveInstances active, OutboxRunner outbox, TimeProvider clock,
    ILogger<WorkflowRuntime> log)
{
    private const int MaxConflictRetries = 25;

    /// <summary>Creates an instance; false when one with this id already exists (nothing is written then).</summary>
    public async Task<bool> TryStartAsync<T>(string id, string definition, int version, Step<T> first, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await active.MarkAsync(id, ct);
        var meta = new WorkflowMeta(definition, version, 0, 0, new Dictionary<string, ArmedTimer>(), false, now, now);
        try
        {
            var committed = await CommitAsync(id, null, meta, first, null, ct);
            cache.Set(committed.Instance);
            await AfterCommitAsync(committed, ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Applies one step. <paramref name="decide"/> must be pure: it may run again after a conflict. It returns null
    /// to change nothing, or throws a domain exception to refuse the event.
    /// </summary>
    public async Task<StepResult<T>> ExecuteAsync<T>(string id, EventId? ev, Func<Instance<T>, Step<T>?> decide, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var cached = attempt == 0 && cache.TryGet<T>(id, out var hit) ? hit : null;
            var readState = cached is null ? store.GetIfExistsAsync<T>(id, ct) : Task.FromResult<Instance<T>?>(cached);
            var readEvent = ev is null ? Task.FromResult<TableEntity?>(null) : store.GetEventAsync(id, ev.Id, ct);
            var current = await readState ?? throw new NotFoundException("Instance", id);
            if (await readEvent is { } applied) return Replay(current, ev!, applied);
            Step<T>? step;
            try { step = decide(current); }
            catch (DomainException) when (cached is not null)
            {
                cache.Forget(id);
                continue;
            }
            if (step is null)
            {
                if (cached is null) return new StepResult<T>(current, false);
                cache.Forget(id);
                continue;
            }
            // A finished instance that opens again must be back on the sweep's list before it can hold work.
            if (current.Meta.Completed && step.Complete == false) await active.MarkAsync(id, ct);
            try
            {
                var committed = await CommitAsync(id, current, current.Meta, step, ev, ct);
                cache.Set(committed.Instance);
                await AfterCommitAsync(committed, ct);
                return new StepResult<T>(committed.Instance, false);
            }
            catch (TableTransactionFailedException e) when (e.Status is 412 or 409 && attempt < MaxConflictRetries)
            {
                // Another writer won (412), or the same event committed concurrently (409 on its row): read again.
                cache.Forget(id);
                if (cached is null) await Task.Delay(Random.Shared.Next(2, 15 + attempt * 10), ct);
            }
        }
    }

    /// <summary>
    /// Fires a durable timer: only if the instance still has it armed with this generation (a stale or cancelled
    /// timer does nothing); the timer is disarmed in the same transaction as <paramref name="onFire"/>'s step.
    /// </summary>
    public async Task<bool> FireTimerAsync<T>(TimerMessage m, Func<Instance<T>, Step<T>> onFire, CancellationToken ct)
    {
        var fired = false;
        try
        {
            await ExecuteAsync<T>(m.InstanceId, null, instance =>
            {
                fired = false;
                if (!instance.Meta.Timers.TryGetValue(m.Name, out var armed) || armed.Generation != m.Generation) return null;
                var step = onFire(instance);
                if (!step.Arm.ContainsKey(m.Name)) step.Cancel.Add(m.Name);
                fired = true;
                return step;
            }, ct);
        }
        catch (NotFoundException)
        {
            log.LogWarning("Timer {Timer} fired for unknown instance {Instance}; ignored.", m.Name, m.InstanceId);
        }
        return fired;
    }

    private static StepResult<T> Replay<T>(Instance<T> current, EventId ev, TableEntity applied)
    {
        if (applied.GetString("Fingerprint") != ev.Fingerprint)
            throw new ConflictException("Idempotency-Key already used.", "This Idempotency-Key was used for a different request; use a new key.");
        var first = JsonSerializer.Deserialize<T>(applied.GetString("Json"), JsonRows.Json);
        return new StepResult<T>(first is null ? current : current with { Data = first }, true);
    }

    private sealed record Committed<T>(Instance<T> Instance, IReadOnlyList<OutboxItem> Outbox, IReadOnlyList<(string Name, ArmedTimer Timer)> Armed, List<bool> InlineFlags);

    private async Task<Committed<T>> CommitAsync<T>(string id, Instance<T>? current, WorkflowMeta meta, Step<T> step, EventId? ev, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var timers = new Dictionary<string, ArmedTimer>(meta.Timers, StringComparer.Ordinal);
        var generation = meta.NextGeneration;
        var armed = new List<(string, ArmedTimer)>();
        foreach (var name in step.Cancel) timers.Remove(name);
        foreach (var (name, due) in step.Arm)
        {
            var timer = new ArmedTimer(++generation, due);
            timers[name] = timer;
            armed.Add((name, timer));
        }
        var seq = meta.Seq;
        var actions = new List<TableTransactionAction>();
        var history = step.History.Select(h => new HistoryEntry(++seq, now, h.Kind, h.Actor, h.ActorRole, h.From, h.To, h.Reason, h.Data)).ToList();
        var newMeta = meta with
        {
            Seq = seq, NextGeneration = generation, Timers = timers, Completed = step.Complete ?? meta.Completed, UpdatedAt = now,
        };
        var state = InstanceRows.StateRow(id, step.Data, newMeta);
        actions.Add(current is null
            ? new TableTransactionAction(TableTransactionActionType.Add, state)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, state, current.ETag));
        actions.AddRange(history.Select(h => new TableTransactionAction(TableTransactionActionType.Add, JsonRows.ToEntity(id, InstanceRows.HistoryKey(h.Seq), h))));
        var items = step.Outbox.Select(o => new OutboxItem(Ids.New("obx"), id, o.Kind, o.Payload, OutboxStatus.Pending, 0, now,
            o.NotBefore is { } later && later > now ? later : now, null, null)).ToList();
        actions.AddRange(items.Select(i => new TableTransactionAction(TableTransactionActionType.Add, InstanceRows.OutboxRow(i))));
        if (ev is not null)
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add,
                InstanceRows.EventRow(id, ev, JsonSerializer.SerializeToNode(step.Data, JsonRows.Json))));
        if (actions.Count > 100) throw new InvalidOperationException($"A step of {id} writes {actions.Count} rows; a transaction holds at most 100.");

        var response = await store.Table.SubmitTransactionAsync(actions, ct);
        var etag = response.Value[0].Headers.ETag ?? default;
        return new Committed<T>(new Instance<T>(id, step.Data, newMeta, etag), items, armed, step.Outbox.Select(o => o.Inline).ToList());
    }

    private async Task AfterCommitAsync<T>(Committed<T> c, CancellationToken ct)
    {
        try
        {
            var sends = c.Armed.Select(a => queues.SendTimerAsync(
                new TimerMessage(c.Instance.Id, c.Instance.Meta.Definition, a.Name, a.Timer.Generation, a.Timer.DueAt), ct)).ToList();
            for (var i = 0; i < c.Outbox.Count; i++)
            {
                var item = c.Outbox[i];
                sends.Add(c.InlineFlags[i]
                    ? outbox.RunInlineAsync(item, ct)
                    : queues.SendOutboxAsync(new OutboxMessage(item.InstanceId, item.Id), item.NextAttemptAt, ct));
            }
            await Task.WhenAll(sends);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The step is committed; the sweep re-sends what did not go out.
            log.LogWarning(e, "Queue messages for {Instance} not sent; the sweep will re-send them.", c.Instance.Id);
        }
    }
}
