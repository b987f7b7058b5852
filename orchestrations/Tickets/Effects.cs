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

/// <summary>
/// The activity around an effect handler: runs it, then marks the ticket's message row sent. One activity name per
/// effect kind, so the engine's history and the ops list say which effect ran or failed.
/// </summary>
public sealed class EffectActivity(IEffectHandler handler, TicketRecords records, TimeProvider clock) : TaskActivity<EffectWork, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, EffectWork work)
    {
        await handler.HandleAsync(work, CancellationToken.None);
        if (MessageStatus.IsMessage(work.Kind))
            await records.MarkMessageAsync(work.TicketId, work.EffectId, MessageStatus.Sent, null, clock.GetUtcNow(), CancellationToken.None);
        return true;
    }
}
