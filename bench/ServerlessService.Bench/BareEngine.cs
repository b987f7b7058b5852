using System.Collections.Concurrent;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessService.Host.Engine;

namespace ServerlessService.Bench;

/// <summary>
/// The Durable Task engine with the app's settings (<see cref="LocalEngine.Settings"/>) on its own task hub, running
/// two trivial orchestrations: <see cref="Echo"/> (counts events, nothing else) and <see cref="Sleeper"/> (one timer,
/// records how late it was observed). The yardstick the ticket orchestration is compared with.
/// </summary>
public sealed class BareEngine : IAsyncDisposable
{
    public const string EventName = "ping";
    private readonly TaskHubWorker _worker;

    private BareEngine(AzureStorageOrchestrationService service, TaskHubWorker worker)
    {
        Service = service;
        _worker = worker;
        Client = new LocalDurableTaskClient(service, LocalEngine.Converter);
    }

    public AzureStorageOrchestrationService Service { get; }
    public LocalDurableTaskClient Client { get; }

    /// <summary>Lateness of each timer in ms (observed by the orchestration, not replayed), for <see cref="Sleeper"/>.</summary>
    public static readonly ConcurrentBag<double> TimerLateness = [];

    public static async Task<BareEngine> StartAsync(string connectionString, TimeSpan polling)
    {
        var hub = "BareBench" + Guid.NewGuid().ToString("N")[..6];
        var service = new AzureStorageOrchestrationService(LocalEngine.Settings(new EngineOptions { MaxQueuePollingInterval = polling }, hub, connectionString, NullLoggerFactory.Instance));
        await service.CreateIfNotExistsAsync();
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = LocalEngine.Converter }, NullLoggerFactory.Instance);
        var worker = new TaskHubWorker(service, NullLoggerFactory.Instance);
        worker.AddTaskOrchestrations(
            new FactoryCreator<TaskOrchestration>(nameof(Echo), () => shims.CreateOrchestration(nameof(Echo), new Echo())),
            new FactoryCreator<TaskOrchestration>(nameof(Sleeper), () => shims.CreateOrchestration(nameof(Sleeper), new Sleeper())));
        await worker.StartAsync();
        return new BareEngine(service, worker);
    }

    public async ValueTask DisposeAsync() => await _worker.StopAsync(isForced: true);

    /// <summary>Waits for events forever, publishing how many it has seen; continues as new every 40, like a ticket.</summary>
    public sealed class Echo : TaskOrchestrator<int, int>
    {
        public override async Task<int> RunAsync(TaskOrchestrationContext context, int seen)
        {
            for (var turn = 0; turn < 40; turn++)
            {
                await context.WaitForExternalEvent<string>(EventName);
                seen++;
                context.SetCustomStatus(seen);
            }
            context.ContinueAsNew(seen, preserveUnprocessedEvents: true);
            return seen;
        }
    }

    /// <summary>
    /// One durable timer, due the given number of seconds after the orchestration first runs (so a slow start is not
    /// counted as timer lateness); when the orchestration first runs past it, how late that was is recorded.
    /// </summary>
    public sealed class Sleeper : TaskOrchestrator<double, bool>
    {
        public override async Task<bool> RunAsync(TaskOrchestrationContext context, double seconds)
        {
            var due = context.CurrentUtcDateTime.AddSeconds(seconds);
            await context.CreateTimer(due, CancellationToken.None);
            if (!context.IsReplaying) TimerLateness.Add((DateTime.UtcNow - due).TotalMilliseconds);
            return true;
        }
    }
}
