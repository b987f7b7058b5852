using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ServerlessService.Core.Storage;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.Orchestrations.Tickets;

/// <summary>The ticket's read model as the API reads it: the ticket, the lifecycle version and the last applied step.</summary>
public sealed record TicketRecord(Ticket Ticket, int Version, long Step);

/// <summary>What became of an event the API raised: applied (in step Step), or refused with the reason.</summary>
public sealed record EventOutcome(string EventId, string Fingerprint, bool Applied, Refusal? Refusal, long Step);

/// <summary>
/// The ticket read model in the Tickets table, one partition per ticket: the ticket row, timeline rows "h|seq",
/// applied-event rows "e|hash" and message rows "m|id". Written by the ticket orchestration's projection activity
/// (and once at intake); the orchestration is the source of truth.
/// </summary>
public sealed class TicketRecords(StorageAccount account)
{
    private const string State = "state";
    private const string HistoryPrefix = "h|";
    private const string EventPrefix = "e|";
    private const string MessagePrefix = "m|";
    private readonly TableClient _table = account.Table(TableNames.Tickets);

    public async Task<TicketRecord?> GetIfExistsAsync(string id, CancellationToken ct) =>
        await _table.GetIfExistsAsync(id, State, ct) is { } e ? ToRecord(e) : null;

    /// <summary>The first picture of a new ticket, written at intake before its orchestration has run; never overwrites.</summary>
    public Task<bool> TryAddFirstAsync(TicketRecord r, CancellationToken ct) => _table.TryAddAsync(StateRow(r), ct);

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string id, CancellationToken ct) =>
        await RangeAsync<HistoryEntry>(id, HistoryPrefix, ct);

    public async Task<IReadOnlyList<MessageStatus>> MessagesAsync(string id, CancellationToken ct) =>
        await RangeAsync<MessageStatus>(id, MessagePrefix, ct);

    public async Task<EventOutcome?> GetEventAsync(string id, string eventId, CancellationToken ct) =>
        await _table.GetIfExistsAsync(id, EventKey(eventId), ct) is { } e ? JsonRows.FromEntity<EventOutcome>(e) : null;

    /// <summary>
    /// Writes a step: the ticket, its new timeline lines, the event's outcome and the messages it queued, in one
    /// transaction. Steps are numbered: a step already stored changes nothing, so a repeated activity is harmless.
    /// True while this step is the latest stored (written now or by an earlier attempt); false when a newer one is.
    /// </summary>
    public async Task<bool> ProjectAsync(Projection p, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await _table.GetIfExistsAsync(p.TicketId, State, ct);
            if (current is not null && ToRecord(current).Step >= p.Step) return ToRecord(current).Step == p.Step;
            var row = StateRow(new TicketRecord(p.Ticket, p.Version, p.Step));
            var actions = new List<TableTransactionAction>
            {
                current is null ? new(TableTransactionActionType.Add, row) : new(TableTransactionActionType.UpdateReplace, row, current.ETag),
            };
            actions.AddRange(p.History.Select(h => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                JsonRows.ToEntity(p.TicketId, HistoryPrefix + h.Seq.ToString("D12"), h))));
            if (p.Outcome is { } o)
                actions.Add(new(TableTransactionActionType.UpsertReplace, JsonRows.ToEntity(p.TicketId, EventKey(o.EventId), o)));
            actions.AddRange(p.Messages.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                JsonRows.ToEntity(p.TicketId, MessagePrefix + m.Id, m))));
            try
            {
                await _table.SubmitTransactionAsync(actions, ct);
                return true;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // The intake row landed between the read and the write: read again.
            }
        }
    }

    /// <summary>
    /// The timeline, messages and event outcomes of a ticket taken over from the previous release's store, upserted in
    /// transactions of 100; event keys are that store's row keys (the same hash as <see cref="EventKey"/>). The ticket
    /// row is added afterwards with <see cref="TryAddFirstAsync"/>, so a crash in between leaves nothing half-imported.
    /// </summary>
    public async Task ImportLinesAsync(string id, IReadOnlyList<HistoryEntry> history, IReadOnlyList<MessageStatus> messages,
        IReadOnlyList<(string Key, EventOutcome Outcome)> events, CancellationToken ct)
    {
        var rows = history.Select(h => JsonRows.ToEntity(id, HistoryPrefix + h.Seq.ToString("D12"), h))
            .Concat(messages.Select(m => JsonRows.ToEntity(id, MessagePrefix + m.Id, m)))
            .Concat(events.Select(e => JsonRows.ToEntity(id, e.Key, e.Outcome)));
        foreach (var chunk in rows.Chunk(100))
            await _table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
    }

    /// <summary>A message went out (or finally failed): its status row says so.</summary>
    public async Task MarkMessageAsync(string ticketId, string messageId, string status, string? error, DateTimeOffset at, CancellationToken ct)
    {
        var e = await _table.GetIfExistsAsync(ticketId, MessagePrefix + messageId, ct);
        if (e is null) return;
        var m = JsonRows.FromEntity<MessageStatus>(e);
        if (m.Status == status) return;
        var updated = m with { Status = status, Attempts = m.Attempts + 1, SentAt = status == MessageStatus.Sent ? at : m.SentAt, LastError = error };
        try { await _table.UpdateEntityAsync(JsonRows.ToEntity(ticketId, e.RowKey, updated), e.ETag, TableUpdateMode.Replace, ct); }
        catch (RequestFailedException x) when (x.Status == 412) { await MarkMessageAsync(ticketId, messageId, status, error, at, ct); }
    }

    public static string EventKey(string eventId) =>
        EventPrefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)))[..40];

    private async Task<List<T>> RangeAsync<T>(string id, string prefix, CancellationToken ct)
    {
        var list = new List<T>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) list.Add(JsonRows.FromEntity<T>(e));
        return list;
    }

    private static TableEntity StateRow(TicketRecord r)
    {
        var e = JsonRows.ToEntity(r.Ticket.Id, State, r.Ticket);
        e["Version"] = r.Version;
        e["Step"] = r.Step;
        return e;
    }

    private static TicketRecord ToRecord(TableEntity e) =>
        new(JsonRows.FromEntity<Ticket>(e).AsRead(), e.GetInt32("Version") ?? 1, e.GetInt64("Step") ?? 0);
}

/// <summary>One step of a ticket as the projection activity writes it.</summary>
public sealed record Projection(
    string TicketId, Ticket Ticket, int Version, long Step, IReadOnlyList<HistoryEntry> History, IReadOnlyList<string> StaleIndex,
    EventOutcome? Outcome, IReadOnlyList<MessageStatus> Messages);
