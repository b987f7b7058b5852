using ServerlessService.Api.Hosting;
using ServerlessService.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessService.Core.Dispatch;

namespace ServerlessService.Api.Tickets;

/// <summary>Dispatch rules (派单规则), evaluated in order at intake. Read: staff. Edit: admins and dispatchers.</summary>
public static class RuleFunctions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/rules").WithTags("Dispatch").RequirePermission(Permission.ReadAll);
        g.MapPost("/", Create).RequirePermission(Permission.EditDispatchRules);
        g.MapGet("/", List);
        g.MapGet("/{id}", Get);
        g.MapPut("/{id}", Update).RequirePermission(Permission.EditDispatchRules);
        g.MapDelete("/{id}", Delete).RequirePermission(Permission.EditDispatchRules);
    }

    private static async Task<Created<DispatchRule>> Create(DispatchRuleInput body, Caller caller, RuleService rules, CancellationToken ct)
    {
        var r = await rules.CreateAsync(caller, body, ct);
        return TypedResults.Created($"/api/rules/{r.Id}", r);
    }

    private static async Task<Ok<IReadOnlyList<DispatchRule>>> List(Caller caller, RuleService rules, CancellationToken ct) =>
        TypedResults.Ok(await rules.ListAsync(caller, ct));

    private static async Task<Ok<DispatchRule>> Get(string id, Caller caller, RuleService rules, CancellationToken ct) =>
        TypedResults.Ok(await rules.GetAsync(caller, id, ct));

    private static async Task<Ok<DispatchRule>> Update(string id, DispatchRuleInput body, Caller caller, RuleService rules, CancellationToken ct) =>
        TypedResults.Ok(await rules.UpdateAsync(caller, id, body, ct));

    private static async Task<NoContent> Delete(string id, Caller caller, RuleService rules, CancellationToken ct)
    {
        await rules.DeleteAsync(caller, id, ct);
        return TypedResults.NoContent();
    }
}
