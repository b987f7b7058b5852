namespace ServerlessService.Orchestrations.Runtime;

/// <summary>Retry, timer and sweep settings of the workflow runtime; defaults suit production.</summary>
public sealed class WorkflowOptions
{
    /// <summary>Attempts of one outbox item before it is parked as poison.</summary>
    public int MaxAttempts { get; set; } = 6;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Queue messages may stay invisible at most 7 days; timers further out re-arm at this horizon.</summary>
    public TimeSpan MaxTimerDelay { get; set; } = TimeSpan.FromDays(6);

    /// <summary>How often the sweep looks for timers and outbox items whose queue message was lost.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How overdue an item must be before the sweep re-sends its message.</summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Idle wait of the local queue pump between empty polls.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>False turns the in-process queue pump off (under the Functions host the queue triggers run instead).</summary>
    public bool RunPump { get; set; } = true;

    /// <summary>How long a received message stays hidden while it is handled.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
