using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Options;
using ServerlessService.Core.Storage;
using ServerlessService.Orchestrations.Tickets;

namespace ServerlessService.Host.Engine;

/// <summary>
/// The Durable Task Framework with its Azure Storage provider (the engine inside Durable Functions' default
/// provider), running the ticket orchestrators and activities on Azurite or an Azure storage account. The classes
/// are the portable Microsoft.DurableTask ones, bridged onto the engine by <see cref="DurableTaskShimFactory"/>;
/// activities come from DI, a fresh shim per work item.
/// </summary>
public sealed class LocalEngine : IHostedService, IAsyncDisposable
{
    /// <summary>The one serializer configuration for payloads in both hosts (same as the table rows').</summary>
    public static readonly DataConverter Converter = new JsonDataConverter(JsonRows.Json);

    private readonly IServiceProvider _services;
    private readonly EngineOptions _options;
    private readonly ILoggerFactory _logs;
    private TaskHubWorker? _worker;

    public LocalEngine(IServiceProvider services, IOptions<EngineOptions> options, IOptions<StorageOptions> storage, ILoggerFactory logs)
    {
        _services = services;
        _options = options.Value;
        _logs = logs;
        var hub = _options.TaskHub is { Length: > 0 } h ? h : "ServerlessService" + new string(storage.Value.Prefix.Where(char.IsAsciiLetterOrDigit).ToArray());
        Service = new AzureStorageOrchestrationService(Settings(_options, hub, storage.Value.ConnectionString, logs));
        Client = new LocalDurableTaskClient(Service, Converter);
    }

    /// <summary>The provider's settings from <see cref="EngineOptions"/> (the benchmarks' bare engine uses the same).</summary>
    public static AzureStorageOrchestrationServiceSettings Settings(EngineOptions options, string hub, string connectionString, ILoggerFactory logs) => new()
    {
        StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
        TaskHubName = hub,
        PartitionCount = options.PartitionCount,
        MaxQueuePollingInterval = options.MaxQueuePollingInterval,
        ControlQueueVisibilityTimeout = options.VisibilityTimeout,
        WorkItemQueueVisibilityTimeout = options.VisibilityTimeout,
        ExtendedSessionsEnabled = options.ExtendedSessions,
        WorkerId = options.WorkerId,
        ThrowExceptionOnInvalidDedupeStatus = true,
        LoggerFactory = logs,
    };

    public AzureStorageOrchestrationService Service { get; }
    public LocalDurableTaskClient Client { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Service.CreateIfNotExistsAsync();
        if (!_options.RunWorker) return;
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = Converter }, _logs);
        _worker = new TaskHubWorker(Service, _logs);
        _worker.AddTaskOrchestrations([.. TicketTasks.Orchestrators.Select(name =>
            new FactoryCreator<TaskOrchestration>(name, () => shims.CreateOrchestration(name, TicketTasks.CreateOrchestrator(name))))]);
        _worker.AddTaskActivities([.. TicketTasks.Activities(_services).Select(name =>
            new FactoryCreator<TaskActivity>(name, () => shims.CreateActivity(name, TicketTasks.CreateActivity(_services, name))))]);
        await _worker.StartAsync();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is not null) await _worker.StopAsync(isForced: false);
        _worker = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_worker is not null) await _worker.StopAsync(isForced: true);
    }
}
