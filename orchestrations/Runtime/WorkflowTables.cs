namespace ServerlessService.Orchestrations.Runtime;

/// <summary>The storage the runtime owns (names before the configured prefix).</summary>
public static class WorkflowTables
{
    /// <summary>One partition per instance: state, history, outbox, applied events.</summary>
    public const string Instances = "Workflows";

    /// <summary>Instances that may still have timers or outbox work: what the sweep walks.</summary>
    public const string Active = "WorkflowActive";

    /// <summary>Outbox items parked after their last attempt, for operators.</summary>
    public const string Poison = "Poison";

    public const string OutboxQueue = "outbox";
    public const string TimerQueue = "timers";

    public static readonly string[] Tables = [Instances, Active, Poison];
}
