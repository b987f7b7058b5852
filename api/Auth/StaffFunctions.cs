using ServerlessService.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessService.Core.Identity;
using ServerlessService.Api.Hosting;

namespace ServerlessService.Api.Auth;

/// <summary>Staff accounts: admins only.</summary>
public static class StaffFunctions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/staff").WithTags("Identity").RequirePermission(Permission.ManageStaff);
        g.MapPost("/", Create);
        g.MapGet("/", List);
    }

    private static async Task<Created<StaffView>> Create(StaffInput body, Caller caller, StaffService staff, CancellationToken ct)
    {
        var created = await staff.CreateAsync(caller, body, ct);
        return TypedResults.Created($"/api/staff/{created.Username}", created);
    }

    private static async Task<Ok<IReadOnlyList<StaffView>>> List(Caller caller, StaffService staff, CancellationToken ct) =>
        TypedResults.Ok(await staff.ListAsync(caller, ct));
}
