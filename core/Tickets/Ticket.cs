using ServerlessService.Core.Common;
using ServerlessService.Core.Devices;
using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Sla;

namespace ServerlessService.Core.Tickets;

public sealed record TimeWindow(DateTimeOffset? From, DateTimeOffset? To);

/// <summary>
/// A service ticket (服务工单). Device, customer (tier and name, for the engineer's job card) and warranty are snapshots
/// taken at intake; deviceVerified is false when the serial number was not registered and staff must confirm the claim.
/// </summary>
public sealed record Ticket(
    string Id,
    string Number,
    TicketStatus Status,
    string Priority,
    string SerialNumber,
    bool DeviceVerified,
    string CustomerId,
    string? Model,
    string? ProductLine,
    Warranty? Warranty,
    string FaultCategory,
    string Description,
    string ContactPhone,
    Address SiteAddress,
    TimeWindow? PreferredWindow,
    string? AssignedEngineerId,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? CustomerTier = null,
    TicketSla? Sla = null,
    TicketWork? Work = null,
    DispatchPlan? Dispatch = null,
    string? CustomerName = null)
{
    public TicketSummary Summary() =>
        new(Id, Number, Status, Priority, SerialNumber, DeviceVerified, CustomerId, AssignedEngineerId, FaultCategory, CreatedAt,
            Sla?.Summary(Status == TicketStatus.Cancelled), Status == TicketStatus.Cancelled ? null : Sla?.NextDue());

    /// <summary>
    /// The ticket as read from storage. One cancelled before its clocks were cancelled with it in every case (a definition
    /// that stopped them as met, or left them running) reads as if cancelled now, at its last update (the cancellation).
    /// </summary>
    public Ticket AsRead() => Status == TicketStatus.Cancelled && Sla is { } sla ? this with { Sla = sla.Cancel(UpdatedAt, calendar: null) } : this;
}

/// <summary>The columns ticket lists show; kept on every index row so a list needs no second read.</summary>
public sealed record TicketSummary(
    string Id,
    string Number,
    TicketStatus Status,
    string Priority,
    string SerialNumber,
    bool DeviceVerified,
    string CustomerId,
    string? AssignedEngineerId,
    string FaultCategory,
    DateTimeOffset CreatedAt,
    string? SlaState = null,
    DateTimeOffset? SlaDue = null)
{
    /// <summary>List rows written before cancelled tickets had an SLA state of their own said "met": a cancelled ticket reads cancelled.</summary>
    public TicketSummary AsRead() =>
        Status == TicketStatus.Cancelled && SlaState is not null && SlaState != ClockStates.Cancelled ? this with { SlaState = ClockStates.Cancelled, SlaDue = null } : this;
}
