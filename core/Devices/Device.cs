using ServerlessService.Core.Common;

namespace ServerlessService.Core.Devices;

/// <summary>A device record (设备档案), identified by its serial number.</summary>
public sealed record Device(
    string SerialNumber,
    string Model,
    string ProductLine,
    string CustomerId,
    Address? InstallAddress,
    DateOnly? PurchasedOn,
    DateOnly WarrantyEndsOn,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A device as shown to users, with its warranty status computed for today.</summary>
public sealed record DeviceView(
    string SerialNumber,
    string Model,
    string ProductLine,
    string CustomerId,
    Address? InstallAddress,
    DateOnly? PurchasedOn,
    DateOnly WarrantyEndsOn,
    Warranty Warranty,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static DeviceView Of(Device d, DateOnly today) => new(
        d.SerialNumber, d.Model, d.ProductLine, d.CustomerId, d.InstallAddress, d.PurchasedOn, d.WarrantyEndsOn,
        Warranty.On(d.WarrantyEndsOn, today), d.CreatedAt, d.UpdatedAt);
}
