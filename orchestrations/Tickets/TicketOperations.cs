using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using ServerlessService.Core.Common;
using DurableTask.Core.Exceptions;

namespace ServerlessService.Orchestrations.Tickets;

/// <summary>A ticket orchestration as operators see it.</summary>
public sealed record InstanceView(
    string Id, string RuntimeStatus, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt, TicketRunStatus? Run, string? Failure);

/// <summary>The engine's view for operators: ticket orchestrations with their status, and retrying what failed.</summary>
public sealed class TicketOperations(EngineClient engine, TicketRecords records)
{
    public static readonly string[] Statuses = ["running", "completed", "failed", "terminated", "pending", "suspended"];

    public async Task<Paged<InstanceView>> ListAsync(string? status, PageRequest page, CancellationToken ct)
    {
        OrchestrationRuntimeStatus[]? statuses = null;
        if (status is not null)
        {
            if (!Statuses.Contains(status)) throw ValidationFailedException.For("status", $"must be one of {string.Join(", ", Statuses)}.");
            statuses = [Enum.Parse<OrchestrationRuntimeStatus>(status, ignoreCase: true)];
        }
        var query = new OrchestrationQuery(Statuses: statuses, PageSize: page.Size, ContinuationToken: page.ContinuationToken, InstanceIdPrefix: "tkt");
        try
        {
            await foreach (var p in engine.Current.GetAllInstancesAsync(query).AsPages(page.ContinuationToken, page.Size).WithCancellation(ct))
                return new Paged<InstanceView>(p.Values.Select(View).ToList(), p.ContinuationToken);
        }
        catch (Exception e) when (page.ContinuationToken is not null && e is FormatException or System.Text.Json.JsonException
                                      or Newtonsoft.Json.JsonException or ArgumentException or InvalidOperationException or Azure.RequestFailedException)
        {
            // The engine's token is opaque to callers: one that was not handed out by this endpoint is a bad request.
            throw ValidationFailedException.For("continuationToken", "is not a token this list handed out.");
        }
        return new Paged<InstanceView>([], null);
    }

    /// <summary>
    /// Retries a ticket's failed effects; a ticket whose orchestration failed or was terminated gets a new one that
    /// takes over from the read model (its timers are armed again).
    /// </summary>
    public async Task RetryAsync(string id, CancellationToken ct)
    {
        var record = (Ids.LooksValid(id, "tkt") ? await records.GetIfExistsAsync(id, ct) : null) ?? throw new NotFoundException("Ticket", id);
        var instance = await engine.Current.GetInstanceAsync(id, ct);
        if (instance?.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated or null)
        {
            var history = await records.HistoryAsync(id, ct);
            var run = TicketRun.Adopt(record.Ticket, record.Version, history.Count == 0 ? 0 : history.Max(h => h.Seq), record.Step, Ids.New("r"));
            try
            {
                await engine.Current.ScheduleNewOrchestrationInstanceAsync(TicketOrchestrator.Name, run,
                    new StartOrchestrationOptions(id) { DedupeStatuses = ["Running", "Pending", "ContinuedAsNew", "Suspended"] }, ct);
            }
            catch (OrchestrationAlreadyExistsException) { /* restarted meanwhile */ }
            return;
        }
        await engine.Current.RaiseEventAsync(id, TicketEvent.Name, new TicketEvent(Ids.New("rty"), TicketEvent.RetryKind), ct);
    }

    private static InstanceView View(OrchestrationMetadata m) => new(
        m.InstanceId, m.RuntimeStatus.ToString().ToLowerInvariant(), m.CreatedAt, m.LastUpdatedAt,
        m.SerializedCustomStatus is { Length: > 0 } ? m.ReadCustomStatusAs<TicketRunStatus>() : null, m.FailureDetails?.ErrorMessage);
}
