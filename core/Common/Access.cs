namespace ServerlessService.Core.Common;

/// <summary>What a staff role may do. Customers and engineers hold none of these: what they may do follows from their part in a record (their own tickets and devices, the jobs assigned to them).</summary>
public enum Permission
{
    /// <summary>Read tickets, the archive, configuration and figures (every staff role).</summary>
    ReadAll,
    /// <summary>Create and change customers, devices and engineers.</summary>
    EditArchive,
    /// <summary>Open tickets for callers, assign and dispatch, cancel, re-prioritise, reopen, add photos and take an engineer's or customer's step in their place.</summary>
    WorkTickets,
    /// <summary>Create, change and delete dispatch rules.</summary>
    EditDispatchRules,
    /// <summary>Create and change business calendars and SLA policies.</summary>
    EditSlaConfiguration,
    /// <summary>Staff accounts.</summary>
    ManageStaff,
    /// <summary>Message templates and group-robot channels.</summary>
    ManageNotifications,
    /// <summary>Publish lifecycle definitions.</summary>
    PublishLifecycle,
    /// <summary>See and retry the ticket orchestrations; read the local SMS channel.</summary>
    Operate,
}

/// <summary>
/// The one role × permission table: docs/api.md prints it, endpoint policies and domain services read it, and the
/// authorization matrix test checks every endpoint against it.
/// </summary>
public static class Access
{
    private static readonly Dictionary<string, Permission[]> ByRole = new(StringComparer.Ordinal)
    {
        [Roles.Admin] = Enum.GetValues<Permission>(),
        [Roles.Dispatcher] = [Permission.ReadAll, Permission.EditArchive, Permission.WorkTickets, Permission.EditDispatchRules],
        [Roles.Manager] = [Permission.ReadAll, Permission.EditSlaConfiguration],
        [Roles.Warehouse] = [Permission.ReadAll],
    };

    public static bool Allows(string? role, Permission permission) =>
        role is not null && ByRole.TryGetValue(role, out var granted) && granted.Contains(permission);

    /// <summary>The roles that hold the permission, for endpoint policies.</summary>
    public static string[] RolesWith(Permission permission) => ByRole.Where(r => r.Value.Contains(permission)).Select(r => r.Key).ToArray();
}
