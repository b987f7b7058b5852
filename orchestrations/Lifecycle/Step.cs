using System.Text.Json.Nodes;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>One line of a ticket's timeline: who did what, when and why.</summary>
public sealed record HistoryEntry(
    long Seq,
    DateTimeOffset At,
    string Kind,
    string Actor,
    string ActorRole,
    TicketStatus? From,
    TicketStatus? To,
    string? Reason,
    JsonObject? Data);

/// <summary>A side effect a step asks for (an activity of the ticket's orchestration); NotBefore holds it back (quiet hours).</summary>
public sealed record EffectRequest(string Kind, JsonObject Payload, DateTimeOffset? NotBefore = null);

/// <summary>A history line a step records; the orchestration stamps its sequence number and time.</summary>
public sealed record HistoryRequest(string Kind, string Actor, string ActorRole, TicketStatus? From = null, TicketStatus? To = null, string? Reason = null, JsonObject? Data = null);

/// <summary>What one step decides: the new data and everything that goes with it.</summary>
public sealed class Step<T>(T data)
{
    public T Data { get; set; } = data;
    public List<HistoryRequest> History { get; } = [];
    public List<EffectRequest> Effects { get; } = [];
    public Dictionary<string, DateTimeOffset> Arm { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Cancel { get; } = new(StringComparer.Ordinal);
    /// <summary>True when the step leaves the ticket in a final state, false when it (re)opens it, null to keep it as it was.</summary>
    public bool? Complete { get; set; }
}

/// <summary>A ticket as a step sees it: its data, the lifecycle version it runs on, and the durable timers armed (name → due).</summary>
public sealed record TicketState(Ticket Data, int Version, IReadOnlyDictionary<string, DateTimeOffset> Timers)
{
    public static readonly IReadOnlyDictionary<string, DateTimeOffset> NoTimers = new Dictionary<string, DateTimeOffset>();
}
