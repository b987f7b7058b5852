using ServerlessService.Api.Hosting;
using ServerlessService.Core.Common;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.Api.Sla;

/// <summary>Lifecycle definitions: staff read them; admins publish the next version (new tickets only).</summary>
public static class LifecycleFunctions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/lifecycle/versions").WithTags("Lifecycle").RequirePermission(Permission.ReadAll);
        g.MapGet("/", List);
        g.MapGet("/{version:int}", Get);
        g.MapPost("/", Publish).RequirePermission(Permission.PublishLifecycle);
        g.MapPost("/check", Check).RequirePermission(Permission.PublishLifecycle);
    }

    private static async Task<Ok<IReadOnlyList<DefinitionInfo>>> List(DefinitionStore definitions, CancellationToken ct) =>
        TypedResults.Ok(await definitions.ListAsync(ct));

    private static async Task<Ok<LifecycleDefinition>> Get(int version, DefinitionStore definitions, CancellationToken ct) =>
        TypedResults.Ok(await definitions.GetAsync(version, ct));

    /// <summary>Validates a definition as publishing would (including the next version number) without storing it.</summary>
    private static async Task<Ok<LifecycleDefinition>> Check(JsonObject body, DefinitionStore definitions, CancellationToken ct)
    {
        var d = DefinitionValidator.ParseAndValidate(body.ToJsonString(), LifecycleOptions.Names);
        await definitions.CheckNextAsync(d, ct);
        return TypedResults.Ok(d);
    }

    /// <summary>The body is the whole definition JSON; it is validated before it is stored.</summary>
    private static async Task<Created<LifecycleDefinition>> Publish(JsonObject body, Caller caller, DefinitionStore definitions, CancellationToken ct)
    {
        var d = DefinitionValidator.ParseAndValidate(body.ToJsonString(), LifecycleOptions.Names);
        await definitions.PublishAsync(d, caller.Subject, ct);
        return TypedResults.Created($"/api/lifecycle/versions/{d.Version}", d);
    }
}
