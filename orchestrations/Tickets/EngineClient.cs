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
}
