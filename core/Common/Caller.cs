namespace ServerlessService.Core.Common;

public static class Roles
{
    public const string Admin = "admin";
    public const string Dispatcher = "dispatcher";
    public const string Warehouse = "warehouse";
    public const string Manager = "manager";
    public const string Customer = "customer";
    public const string Engineer = "engineer";

    public static readonly string[] Staff = [Admin, Dispatcher, Warehouse, Manager];
}

/// <summary>
/// Who is calling: the domain's view of a signed-in principal. TicketScope is set for an engineer who came in
/// through a job link: they may read and act on that one ticket and nothing else.
/// </summary>
public sealed record Caller(string Subject, string Role, string? CustomerId = null, string? EngineerId = null, string? TicketScope = null)
{
    public bool IsStaff => Roles.Staff.Contains(Role);
    /// <summary>Whether the caller's role holds the permission (see <see cref="Access"/>).</summary>
    public bool Can(Permission permission) => Access.Allows(Role, permission);
    public bool IsCustomer(string? customerId) => Role == Roles.Customer && customerId is not null && CustomerId == customerId;
    public bool IsEngineer(string? engineerId) => Role == Roles.Engineer && engineerId is not null && EngineerId == engineerId;
}
