using ServerlessService.Api.Hosting;
using ServerlessService.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessService.Core.Sla;

namespace ServerlessService.Api.Sla;

/// <summary>SLA policies, tried in order, first match wins. Read: staff. Create and edit: admins and managers.</summary>
public static class SlaPolicyFunctions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/sla/policies").WithTags("SLA").RequirePermission(Permission.ReadAll);
        g.MapPost("/", Create).RequirePermission(Permission.EditSlaConfiguration);
        g.MapGet("/", List);
        g.MapGet("/{id}", Get);
        g.MapPut("/{id}", Update).RequirePermission(Permission.EditSlaConfiguration);
    }

    private static async Task<Created<SlaPolicy>> Create(SlaPolicyInput body, Caller caller, SlaService sla, CancellationToken ct)
    {
        var p = await sla.CreatePolicyAsync(caller, body, ct);
        return TypedResults.Created($"/api/sla/policies/{p.Id}", p);
    }

    private static async Task<Ok<IReadOnlyList<SlaPolicy>>> List(Caller caller, SlaService sla, CancellationToken ct) =>
        TypedResults.Ok(await sla.ListPoliciesAsync(caller, ct));

    private static async Task<Ok<SlaPolicy>> Get(string id, Caller caller, SlaService sla, CancellationToken ct) =>
        TypedResults.Ok(await sla.GetPolicyAsync(caller, id, ct));

    private static async Task<Ok<SlaPolicy>> Update(string id, SlaPolicyInput body, Caller caller, SlaService sla, CancellationToken ct) =>
        TypedResults.Ok(await sla.UpdatePolicyAsync(caller, id, body, ct));
}
