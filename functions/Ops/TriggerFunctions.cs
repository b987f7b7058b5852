using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessService.Core.Storage;
using ServerlessService.Orchestrations.Runtime;

namespace ServerlessService.Functions.Ops;

/// <summary>
/// The queue and timer triggers as the Azure Functions host calls a custom handler: POST /{FunctionName} with
/// {"Data":{"msg":…}}. Mapped only under the host (FUNCTIONS_CUSTOMHANDLER_PORT), which alone can reach them;
/// locally the QueuePump runs the same handlers. A failure answers 500, so the host retries the message.
/// </summary>
public static class TriggerFunctions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/OutboxWorker", async (JsonObject body, OutboxRunner runner, CancellationToken ct) =>
        {
            if (Message<OutboxMessage>(body) is { } m) await runner.RunAsync(m, ct);
            return Done();
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/TimerWorker", async (JsonObject body, TimerRunner runner, CancellationToken ct) =>
        {
            if (Message<TimerMessage>(body) is { } m) await runner.RunAsync(m, ct);
            return Done();
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/Sweep", async (Sweeper sweeper, CancellationToken ct) =>
        {
            await sweeper.SweepOnceAsync(ct);
            return Done();
        }).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>The host passes the queue message either as a JSON string or already parsed.</summary>
    private static T? Message<T>(JsonObject body)
    {
        var msg = body["Data"]?["msg"];
        try
        {
            return msg is JsonValue v && v.TryGetValue<string>(out var text)
                ? JsonSerializer.Deserialize<T>(text, JsonRows.Json)
                : msg.Deserialize<T>(JsonRows.Json);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>The invocation response the host reads; built by hand so the names keep their documented casing.</summary>
    private static IResult Done() => Results.Json(new JsonObject { ["Outputs"] = new JsonObject(), ["Logs"] = new JsonArray(), ["ReturnValue"] = null });
}
