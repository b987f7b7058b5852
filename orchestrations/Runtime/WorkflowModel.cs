using System.Text.Json.Nodes;

namespace ServerlessService.Orchestrations.Runtime;

/// <summary>A durable timer as armed on an instance; a fired message whose generation differs is stale.</summary>
public sealed record ArmedTimer(long Generation, DateTimeOffset DueAt);

/// <summary>Runtime bookkeeping kept on the state row beside the domain data.</summary>
public sealed record WorkflowMeta(
    string Definition,
    int Version,
    long Seq,
    long NextGeneration,
    IReadOnlyDictionary<string, ArmedTimer> Timers,
    bool Completed,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>One instance as read: domain data, runtime meta and the ETag that guards the next step.</summary>
public sealed record Instance<T>(string Id, T Data, WorkflowMeta Meta, Azure.ETag ETag);

/// <summary>One line of an instance's history (the ticket timeline): who did what, when and why.</summary>
public sealed record HistoryEntry(
    long Seq,
    DateTimeOffset At,
    string Kind,
    string Actor,
    string ActorRole,
    string? From,
    string? To,
    string? Reason,
    JsonObject? Data);

public enum OutboxStatus { Pending, Done, Parked }

/// <summary>A side effect written in the same transaction as the step that caused it.</summary>
public sealed record OutboxItem(
    string Id,
    string InstanceId,
    string Kind,
    JsonObject Payload,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DateTimeOffset? CompletedAt);

/// <summary>
/// A side effect a step asks for. Inline items also run right after the commit, in the caller's request; NotBefore
/// holds an item back (quiet hours).
/// </summary>
public sealed record OutboxRequest(string Kind, JsonObject Payload, bool Inline = false, DateTimeOffset? NotBefore = null);

/// <summary>A history line a step records; the runtime stamps its sequence number and time.</summary>
public sealed record HistoryRequest(string Kind, string Actor, string ActorRole, string? From = null, string? To = null, string? Reason = null, JsonObject? Data = null);

/// <summary>What one step decides: the new data and everything that must commit with it.</summary>
public sealed class Step<T>(T data)
{
    public T Data { get; set; } = data;
    public List<HistoryRequest> History { get; } = [];
    public List<OutboxRequest> Outbox { get; } = [];
    public Dictionary<string, DateTimeOffset> Arm { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Cancel { get; } = new(StringComparer.Ordinal);
    /// <summary>True when the step leaves the instance finished, false when it (re)opens it, null to keep it as it was.</summary>
    public bool? Complete { get; set; }
}

/// <summary>The result of a step: the instance after it, and whether it was a repeat of an event already applied.</summary>
public sealed record StepResult<T>(Instance<T> Instance, bool Replayed);

/// <summary>An external event's identity: a repeat with the same id returns the first result and applies nothing.</summary>
public sealed record EventId(string Id, string Fingerprint);

public sealed record TimerMessage(string InstanceId, string Definition, string Name, long Generation, DateTimeOffset DueAt);

public sealed record OutboxMessage(string InstanceId, string OutboxId);
