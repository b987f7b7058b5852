using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessService.Core.Common;
using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Engineers;
using ServerlessService.Api.Hosting;

namespace ServerlessService.Host.Engineers;

/// <summary>Engineers. Add and list: staff (add: dispatcher, admin). Read and update: staff, or the engineer themself (location and on-duty only).</summary>
public static class EngineerFunctions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/engineers").WithTags("Engineers");
        g.MapPost("/", Create).RequirePermission(Permission.EditArchive);
        g.MapGet("/", List).RequirePermission(Permission.ReadAll);
        g.MapGet("/workload", Workload).RequirePermission(Permission.ReadAll);
        g.MapGet("/{id}", Get);
        g.MapPut("/{id}", Update);
        g.MapPut("/{id}/on-duty", SetOnDuty);
    }

    private static async Task<Created<Engineer>> Create(EngineerInput body, Caller caller, EngineerService engineers, CancellationToken ct)
    {
        var e = await engineers.CreateAsync(caller, body, ct);
        return TypedResults.Created($"/api/engineers/{e.Id}", e);
    }

    private static async Task<Ok<Paged<Engineer>>> List(
        string? name, string? pageSize, string? continuationToken, Caller caller, EngineerService engineers, CancellationToken ct) =>
        TypedResults.Ok(await engineers.ListAsync(caller, name, PageRequest.From(pageSize, continuationToken), ct));

    /// <summary>Every engineer with their open jobs, fullest first (open jobs ÷ limit): the dispatcher's view of who can take more work.</summary>
    private static async Task<Ok<IReadOnlyList<EngineerWorkload>>> Workload(EngineerPool pool, CancellationToken ct) =>
        TypedResults.Ok(EngineerWorkload.Of(await pool.SnapshotAsync(ct, fresh: true)));

    private static async Task<Ok<Engineer>> Get(string id, Caller caller, EngineerService engineers, CancellationToken ct) =>
        TypedResults.Ok(await engineers.GetAsync(caller, id, ct));

    /// <summary>{"onDuty": true|false}: changes only the duty, whatever else changed meanwhile.</summary>
    private static async Task<Ok<Engineer>> SetOnDuty(string id, DutyInput body, Caller caller, EngineerService engineers, CancellationToken ct) =>
        TypedResults.Ok(await engineers.SetOnDutyAsync(caller, id, body.OnDuty, ct));

    private static async Task<Ok<Engineer>> Update(string id, EngineerInput body, Caller caller, EngineerService engineers, CancellationToken ct) =>
        TypedResults.Ok(await engineers.UpdateAsync(caller, id, body, ct));
}
