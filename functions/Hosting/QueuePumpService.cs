using Microsoft.Extensions.Options;
using ServerlessService.Orchestrations.Runtime;

namespace ServerlessService.Functions.Hosting;

/// <summary>Runs the local queue pump (outbox, timers, sweep) while the app runs, unless the Functions host triggers them.</summary>
public sealed class QueuePumpService(QueuePump pump, IOptions<WorkflowOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.RunPump ? pump.RunAsync(stoppingToken) : Task.CompletedTask;
}
