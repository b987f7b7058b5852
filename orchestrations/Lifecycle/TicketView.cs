using ServerlessService.Core.Common;
using ServerlessService.Core.Devices;
using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Sla;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle.Actions;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>The ticket's SLA as of now: the policy that applies and each clock with its due time and state.</summary>
public sealed record TicketSlaView(string PolicyId, string PolicyName, string? CalendarId, IReadOnlyList<ClockView> Clocks);

/// <summary>
/// A ticket as GET /api/tickets/{id} and every action answer it: the stored ticket, its lifecycle version, its SLA
/// clocks computed now, and the actions the caller may take now (their role on the ticket, its status and version).
/// A type of its own so the OpenAPI document (and the portal's generated types) describe it.
/// </summary>
public sealed record TicketView(
    string Id, string Number, TicketStatus Status, string Priority, string SerialNumber, bool DeviceVerified, string CustomerId, string? CustomerName,
    string? CustomerTier, string? Model, string? ProductLine, Warranty? Warranty, string FaultCategory, string Description, string ContactPhone,
    Address SiteAddress, TimeWindow? PreferredWindow, string? AssignedEngineerId, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    int LifecycleVersion, TicketSlaView? Sla, TicketWork? Work, DispatchPlan? Dispatch, IReadOnlyList<ActionKind> AllowedActions)
{
    public static TicketView Of(Ticket t, int lifecycleVersion, TicketSlaView? sla, IReadOnlyList<ActionKind> allowedActions) => new(
        t.Id, t.Number, t.Status, t.Priority, t.SerialNumber, t.DeviceVerified, t.CustomerId, t.CustomerName,
        t.CustomerTier, t.Model, t.ProductLine, t.Warranty, t.FaultCategory, t.Description, t.ContactPhone,
        t.SiteAddress, t.PreferredWindow, t.AssignedEngineerId, t.CreatedBy, t.CreatedAt, t.UpdatedAt,
        lifecycleVersion, sla, t.Work, t.Dispatch, allowedActions);
}
