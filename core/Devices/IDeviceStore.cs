using ServerlessService.Core.Common;

namespace ServerlessService.Core.Devices;

public interface IDeviceStore
{
    Task<Stored<Device>?> GetIfExistsAsync(string serialNumber, CancellationToken ct);
    /// <summary>False when the serial number is already registered.</summary>
    Task<bool> TryAddAsync(Device device, CancellationToken ct);
    Task UpdateAsync(Device previous, Device updated, string ifMatch, CancellationToken ct);
    Task<Paged<Device>> ListAsync(string? customerId, PageRequest page, CancellationToken ct);
}
