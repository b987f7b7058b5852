using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessService.Core.Storage;

namespace ServerlessService.Orchestrations.Runtime;

/// <summary>
/// The local stand-in for the Functions queue and timer triggers: polls the outbox and timer queues, runs the same
/// handlers, deletes a message only after its handler finished, and runs the sweep periodically. A message whose
/// handler throws becomes visible again after the visibility timeout.
/// </summary>
public sealed class QueuePump(WorkQueues queues, OutboxRunner outbox, TimerRunner timers, Sweeper sweeper, TimeProvider clock,
    IOptions<WorkflowOptions> options, ILogger<QueuePump> log)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var o = options.Value;
        var nextSweep = DateTimeOffset.MinValue;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var work = await Task.WhenAll(
                    DrainAsync<TimerMessage>(queues.Timers, timers.RunAsync, ct),
                    DrainAsync<OutboxMessage>(queues.Outbox, outbox.RunAsync, ct));
                if (clock.GetUtcNow() >= nextSweep)
                {
                    await sweeper.SweepOnceAsync(ct);
                    nextSweep = clock.GetUtcNow() + o.SweepInterval;
                }
                if (work.Sum() == 0) await Task.Delay(o.PollInterval, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Queue pump failed; retrying.");
                await Task.Delay(TimeSpan.FromSeconds(1), ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task<int> DrainAsync<T>(QueueClient queue, Func<T, CancellationToken, Task> handle, CancellationToken ct)
    {
        QueueMessage[] batch = (await queue.ReceiveMessagesAsync(32, options.Value.VisibilityTimeout, ct)).Value;
        await Task.WhenAll(batch.Select(async m =>
        {
            try
            {
                if (Parse<T>(m) is { } message) await handle(message, ct);
                else log.LogError("Message {Id} of {Queue} is not a {Type}; dropped.", m.MessageId, queue.Name, typeof(T).Name);
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Message {Id} of {Queue} failed; it will be retried.", m.MessageId, queue.Name);
            }
        }));
        return batch.Length;
    }

    private static T? Parse<T>(QueueMessage m)
    {
        try { return JsonSerializer.Deserialize<T>(m.Body.ToString(), JsonRows.Json); }
        catch (JsonException) { return default; }
    }
}
