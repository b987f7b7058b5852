using Azure.Data.Tables;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Sla;
using ServerlessService.Core.Storage;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.Orchestrations.Tickets.Migration;

public sealed record MigrationResult(int Tickets, int Orchestrations, int Failed, bool Skipped = false);

/// <summary>
/// Takes over the tickets of a store the previous release wrote (docs/architecture.md, "Upgrading a store from the
/// previous release"): each gets its read model and list rows, and — unless its status takes no action and nothing
/// is left to send — an orchestration in its current state with its timers and held messages. Every ticket is
/// idempotent (rows exist → skipped, duplicate start → refused), so a crash mid-way is completed by the next start;
/// a marker row then spares later starts the scan. The previous release's tables are only read, never deleted.
/// </summary>
public sealed class TicketMigration(
    StorageAccount account, PreviousReleaseStore previous, TicketRecords records, TicketIndex index, DefinitionStore definitions, SlaService sla,
    RobotClient robots, EngineClient engine, IOptions<LifecycleOptions> options, TimeProvider clock, ILogger<TicketMigration> log)
{
    private const string MarkerPartition = "migration";
    private const string MarkerRow = "previous-release";
    private const int Parallelism = 8;

    private readonly TableClient _settings = account.Table(TableNames.Settings);

    public async Task<MigrationResult> RunAsync(CancellationToken ct)
    {
        if (await _settings.GetIfExistsAsync(MarkerPartition, MarkerRow, ct) is not null || !await previous.ExistsAsync(ct))
            return new MigrationResult(0, 0, 0, Skipped: true);
        var snapshot = await sla.SnapshotAsync(ct);
        var robotNames = await robots.NamesAsync(ct);
        int tickets = 0, started = 0, failed = 0;
        await Parallel.ForEachAsync(previous.IdsAsync(ct), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (id, c) =>
        {
            try
            {
                var old = await previous.GetAsync(id, c);
                if (old is null) return;
                var ctx = new StepContext(await definitions.GetAsync(old.Meta.Version, c), options.Value, clock.GetUtcNow(), snapshot.Policies, snapshot.Calendars, robotNames);
                if (await TakeOverAsync(MigratedTicket.From(old, ctx), c)) Interlocked.Increment(ref started);
                Interlocked.Increment(ref tickets);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Without the marker the next start tries this ticket again.
                Interlocked.Increment(ref failed);
                log.LogError(e, "Ticket {Ticket} of the previous release was not migrated; the next start tries again.", id);
            }
        });
        if (failed == 0)
            await _settings.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow) { ["Tickets"] = tickets, ["At"] = clock.GetUtcNow() }, TableUpdateMode.Replace, ct);
        log.LogInformation("Previous release's store: {Tickets} tickets migrated, {Started} orchestrations started, {Failed} failed.", tickets, started, failed);
        return new MigrationResult(tickets, started, failed);
    }

    /// <summary>Read model first (its ticket row last, the sign it is complete), then the orchestration; true when this call started it.</summary>
    private async Task<bool> TakeOverAsync(MigratedTicket m, CancellationToken ct)
    {
        var id = m.Record.Ticket.Id;
        if (await records.GetIfExistsAsync(id, ct) is null)
        {
            await records.ImportLinesAsync(id, m.History, m.Messages, m.Events.Select(e => (e.Key, e.Outcome)).ToList(), ct);
            await index.SyncAsync(m.Record.Ticket.Summary(), m.StaleIndex, ct);
            await records.TryAddFirstAsync(m.Record, ct);
        }
        return m.Run is not null && await engine.StartTicketAsync(m.Run, ct);
    }
}
