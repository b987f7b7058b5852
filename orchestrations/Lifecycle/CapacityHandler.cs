using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Engineers;

using ServerlessService.Orchestrations.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>Takes or gives back an engineer's capacity for a ticket's job; both are idempotent per (engineer, ticket).</summary>
public sealed class CapacityHandler(EngineerLoads loads, IEngineerStore engineers, ILogger<CapacityHandler> log) : IEffectHandler
{
    public const string KindName = "capacity";
    public string Kind => KindName;

    public static EffectRequest Reserve(string engineerId, bool force) =>
        new(KindName, new JsonObject { ["op"] = "reserve", ["engineerId"] = engineerId, ["force"] = force });

    public static EffectRequest Release(string engineerId) => new(KindName, new JsonObject { ["op"] = "release", ["engineerId"] = engineerId });

    public async Task HandleAsync(EffectWork item, CancellationToken ct)
    {
        var engineerId = (string)item.Payload["engineerId"]!;
        if ((string?)item.Payload["op"] == "release")
        {
            await loads.ReleaseAsync(engineerId, item.TicketId, ct);
            return;
        }
        var max = (await engineers.GetIfExistsAsync(engineerId, ct))?.Value.MaxConcurrentJobs ?? 0;
        if (!await loads.TryReserveAsync(engineerId, item.TicketId, max, (bool?)item.Payload["force"] ?? true, ct))
            log.LogWarning("{Engineer} is at capacity; ticket {Ticket} was assigned without a reservation.", engineerId, item.TicketId);
    }
}
