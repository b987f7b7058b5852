namespace ServerlessService.Orchestrations.Runtime;

/// <summary>Carries out one kind of side effect. Runs at least once: use the item id as the idempotency key.</summary>
public interface IOutboxHandler
{
    string Kind { get; }
    Task HandleAsync(OutboxItem item, CancellationToken ct);
}

/// <summary>Fires the durable timers of one workflow definition.</summary>
public interface IWorkflowTimers
{
    string Definition { get; }
    Task FireAsync(TimerMessage message, CancellationToken ct);
}
