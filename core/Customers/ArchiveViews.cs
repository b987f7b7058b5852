using ServerlessService.Core.Common;
using ServerlessService.Core.Devices;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Core.Customers;

/// <summary>A customer's 360° view: the record, their devices and their latest tickets.</summary>
public sealed record CustomerProfile(
    string Id, string Name, string Phone, string Tier, Address? Address, bool SelfRegistered,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<DeviceView> Devices, IReadOnlyList<TicketSummary> Tickets, string? Language = null);

/// <summary>A device with its warranty status and repair history (latest tickets first).</summary>
public sealed record DeviceProfile(
    string SerialNumber, string Model, string ProductLine, string CustomerId, Address? InstallAddress,
    DateOnly? PurchasedOn, DateOnly WarrantyEndsOn, Warranty Warranty, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<TicketSummary> Repairs);

public sealed class ArchiveViews(CustomerService customers, DeviceService devices, TicketService tickets)
{
    private const int HistorySize = 50;
    private static readonly TicketFilter NoFilter = new(null, null, null, null, null, null);

    public async Task<CustomerProfile> CustomerAsync(Caller caller, string id, CancellationToken ct)
    {
        var c = await customers.GetAsync(caller, id, ct);
        var owned = await devices.ListAsync(caller, id, new PageRequest(PageRequest.MaxSize, null), ct);
        var history = await tickets.ListAsync(caller, NoFilter with { CustomerId = id }, new PageRequest(HistorySize, null), ct);
        return new CustomerProfile(c.Id, c.Name, c.Phone, c.Tier, c.Address, c.SelfRegistered, c.CreatedAt, c.UpdatedAt, owned.Items, history.Items, c.Language);
    }

    public async Task<DeviceProfile> DeviceAsync(Caller caller, string serialNumber, CancellationToken ct)
    {
        var d = await devices.GetAsync(caller, serialNumber, ct);
        var repairs = await tickets.ListAsync(caller, NoFilter with { SerialNumber = d.SerialNumber }, new PageRequest(HistorySize, null), ct);
        return new DeviceProfile(d.SerialNumber, d.Model, d.ProductLine, d.CustomerId, d.InstallAddress, d.PurchasedOn, d.WarrantyEndsOn,
            d.Warranty, d.CreatedAt, d.UpdatedAt, repairs.Items);
    }
}
