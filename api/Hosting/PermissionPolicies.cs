using Microsoft.AspNetCore.Authorization;
using ServerlessService.Core.Common;

namespace ServerlessService.Api.Hosting;

/// <summary>
/// One authorization policy per <see cref="Permission"/>, granted to the roles <see cref="Access"/> lists. An endpoint
/// group states what its routes need with <see cref="RequirePermission{TBuilder}"/>; what depends on the record (a
/// customer's own ticket, the assigned engineer) is decided by the domain service, from the same table.
/// </summary>
public static class PermissionPolicies
{
    public static string Name(Permission permission) => "permission:" + permission;

    public static void AddPermissionPolicies(this AuthorizationOptions options)
    {
        foreach (var permission in Enum.GetValues<Permission>())
            options.AddPolicy(Name(permission), p => p.RequireRole(Access.RolesWith(permission)));
    }

    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Name(permission));
}
