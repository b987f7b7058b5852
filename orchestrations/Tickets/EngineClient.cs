using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ServerlessService.Orchestrations.Tickets;

/// <summary>
/// The Durable Task client this process talks to. The local host hands over its adapter over the engine when it
/// starts; in Azure the HTTP function hands over the client of its <c>[DurableClient]</c> binding on each invocation
/// (the extension caches it, so it is the same connection every time).
/// </summary>
public sealed class EngineClient
{
    private volatile DurableTaskClient? _client;

    public DurableTaskClient Current => _client
        ?? throw new InvalidOperationException("No Durable Task client yet: the host has not handed one over.");

    public bool Ready => _client is not null;

    public void Use(DurableTaskClient client) => _client = client;

    /// <summary>Any instance the engine knows of refuses the start: a ticket is never started twice.</summary>
    private static readonly IReadOnlyList<string> AnyStatus =
        ["Running", "Completed", "ContinuedAsNew", "Failed", "Canceled", "Terminated", "Pending", "Suspended"];

    /// <summary>Starts the ticket's orchestration (instance id = ticket id); false when one already exists (a duplicate start).</summary>
    public async Task<bool> StartTicketAsync(TicketRun run, CancellationToken ct)
    {
        try
        {
            await Current.ScheduleNewOrchestrationInstanceAsync(TicketOrchestrator.Name, run, new StartOrchestrationOptions(run.Ticket.Id) { DedupeStatuses = AnyStatus }, ct);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }
}
