using System.Text.Json.Nodes;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.Orchestrations.Tickets.Migration;

/// <summary>
/// The previous release's workflow runtime as it left a ticket in its Workflows table (removed in 413dd74): one
/// partition per ticket with the state row (ticket JSON + "Meta"), timeline rows "h|seq", outbox rows "o|id" and
/// applied-event rows "e|hash" (the same hash as <see cref="TicketRecords.EventKey"/>).
/// </summary>
public sealed record PreviousTicket(Ticket Ticket, PreviousMeta Meta, IReadOnlyList<HistoryEntry> History, IReadOnlyList<PreviousOutboxItem> Outbox,
    IReadOnlyList<PreviousEvent> Events);

/// <summary>The runtime's bookkeeping on the state row: lifecycle version, last timeline seq, armed timers, final or not.</summary>
public sealed record PreviousMeta(string Definition, int Version, long Seq, long NextGeneration, IReadOnlyDictionary<string, PreviousTimer> Timers,
    bool Completed, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record PreviousTimer(long Generation, DateTimeOffset DueAt);

/// <summary>A side effect of a step; Pending ones were still to run at NextAttemptAt (quiet hours, back-off), Parked ones had failed for good.</summary>
public sealed record PreviousOutboxItem(string Id, string InstanceId, string Kind, JsonObject Payload, PreviousOutboxStatus Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset? CompletedAt);

public enum PreviousOutboxStatus { Pending, Done, Parked }

/// <summary>An API event the runtime applied: only the hash of its id was kept (the row key), with the request's fingerprint.</summary>
public sealed record PreviousEvent(string Key, string Fingerprint);

/// <summary>Names of what the previous release kept in storage (before the configured prefix).</summary>
public static class PreviousTables
{
    public const string Instances = "Workflows";
    public static readonly string[] All = [Instances, "WorkflowActive", "Poison"];
    public static readonly string[] Queues = ["outbox", "timers"];
}
