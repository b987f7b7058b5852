using Microsoft.Extensions.Logging;

namespace ServerlessService.Orchestrations.Runtime;

/// <summary>Handles a surfaced timer message: re-arms it when it is still early, else hands it to its definition.</summary>
public sealed class TimerRunner(IEnumerable<IWorkflowTimers> definitions, WorkQueues queues, TimeProvider clock, ILogger<TimerRunner> log)
{
    /// <summary>Queue visibility is not exact; a message this close to its due time counts as due.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(20);
    private readonly Dictionary<string, IWorkflowTimers> _byDefinition = definitions.ToDictionary(d => d.Definition, StringComparer.Ordinal);

    public async Task RunAsync(TimerMessage m, CancellationToken ct)
    {
        if (m.DueAt - clock.GetUtcNow() > Tolerance)
        {
            await queues.SendTimerAsync(m, ct);
            return;
        }
        if (_byDefinition.TryGetValue(m.Definition, out var timers)) await timers.FireAsync(m, ct);
        else log.LogError("Timer {Timer} of {Instance} names unknown definition {Definition}.", m.Name, m.InstanceId, m.Definition);
    }
}
