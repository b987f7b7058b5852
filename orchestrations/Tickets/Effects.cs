using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.Orchestrations.Tickets;

/// <summary>One side effect of a ticket step as its activity gets it; EffectId is the idempotency key (ticket + step).</summary>
public sealed record EffectWork(string TicketId, string EffectId, string Kind, JsonObject Payload);

/// <summary>Carries out one kind of side effect. Runs at least once: use the effect id as the idempotency key.</summary>
public interface IEffectHandler
{
    string Kind { get; }
    Task HandleAsync(EffectWork item, CancellationToken ct);
}

public static class EffectKinds
{
    /// <summary>Folded into the step's projection (list rows), not an activity of its own.</summary>
    public const string IndexSync = "ticket.index";

    /// <summary>Automatic dispatch: an activity whose decision the orchestration applies as the next step.</summary>
    public const string Dispatch = "dispatch";
}

/// <summary>Runs an effect with its handler, then marks the ticket's message row sent.</summary>
public sealed class EffectRunner(IEnumerable<IEffectHandler> handlers, TicketRecords records, TimeProvider clock)
{
    private readonly Dictionary<string, IEffectHandler> _handlers = handlers.ToDictionary(h => h.Kind);

    public async Task RunAsync(EffectWork work, CancellationToken ct)
    {
        var handler = _handlers.TryGetValue(work.Kind, out var h) ? h : throw new InvalidOperationException($"No handler for effect kind '{work.Kind}'.");
        await handler.HandleAsync(work, ct);
        if (MessageStatus.IsMessage(work.Kind))
            await records.MarkMessageAsync(work.TicketId, work.EffectId, MessageStatus.Sent, null, clock.GetUtcNow(), ct);
    }
}

/// <summary>
/// One effect as its own activity: an effect that failed inside its step's activity (retried here with the usual
/// retries), a robot message (an outside HTTP call, kept out of the step), and every effect of runs from before
/// steps ran as one activity. One activity name per effect kind, so the engine's history and the ops list say which
/// effect ran or failed.
/// </summary>
public sealed class EffectActivity(EffectRunner runner) : TaskActivity<EffectWork, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, EffectWork work)
    {
        await runner.RunAsync(work, CancellationToken.None);
        return true;
    }
}
