namespace ServerlessService.Host.Engine;

/// <summary>
/// Settings of the Durable Task engine in the local host (Azure Storage provider on Azurite), as measured on our
/// machines; host.json carries the same values for Durable Functions in Azure.
/// </summary>
public sealed class EngineOptions
{
    /// <summary>The task hub; empty means "ServerlessService" followed by the storage prefix.</summary>
    public string TaskHub { get; set; } = "";

    /// <summary>With the 30 s default an idle system fired timers up to 18 s late; at 1 s they were within a second.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>4 control queues: 8 were 30 % slower on a single Azurite.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>How long a message a killed process held stays invisible (the default 5 minutes would leave tickets stuck).</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool ExtendedSessions { get; set; } = true;

    /// <summary>One stable id per host: a restarted host takes its partitions back at once instead of waiting out their leases.</summary>
    public string WorkerId { get; set; } = Environment.MachineName;

    /// <summary>Off only for tests that need a host that accepts requests but runs no workflow.</summary>
    public bool RunWorker { get; set; } = true;
}
