using ServerlessService.Core.Common;
using ServerlessService.Core.Customers;

namespace ServerlessService.Core.Devices;

public sealed class DeviceService(IDeviceStore store, ICustomerStore customers, BusinessClock clock)
{
    public async Task<DeviceView> CreateAsync(Caller caller, DeviceInput input, CancellationToken ct)
    {
        if (!caller.Can(Permission.EditArchive)) throw new ForbiddenException("Only dispatchers and admins register devices.");
        var v = input.Validate();
        await RequireCustomerAsync(v.CustomerId, ct);
        var now = clock.UtcNow;
        var device = new Device(v.SerialNumber, v.Model, v.ProductLine, v.CustomerId, v.InstallAddress, v.PurchasedOn, v.WarrantyEndsOn, now, now);
        if (!await store.TryAddAsync(device, ct))
            throw new ConflictException("Serial number already registered.", $"A device with serial number {v.SerialNumber} already exists.");
        return View(device);
    }

    public async Task<DeviceView> GetAsync(Caller caller, string serialNumber, CancellationToken ct) =>
        View((await ReadVisibleAsync(caller, serialNumber, ct)).Value);

    /// <summary>Staff change everything but the serial; the owning customer may change the install address only.</summary>
    public async Task<DeviceView> UpdateAsync(Caller caller, string serialNumber, DeviceInput input, CancellationToken ct)
    {
        var stored = await ReadVisibleAsync(caller, serialNumber, ct);
        var current = stored.Value;
        if (!caller.Can(Permission.EditArchive) && !caller.IsCustomer(current.CustomerId))
            throw new ForbiddenException("Only dispatchers and admins change device records.");
        var v = (input with { SerialNumber = input.SerialNumber ?? current.SerialNumber }).Validate();
        if (v.SerialNumber != current.SerialNumber) throw ValidationFailedException.For("serialNumber", "cannot be changed; register a new device instead.");
        if (!caller.Can(Permission.EditArchive))
        {
            var others = v with { InstallAddress = current.InstallAddress };
            var unchanged = new DeviceInput.Valid(current.SerialNumber, current.Model, current.ProductLine, current.CustomerId, current.InstallAddress, current.PurchasedOn, current.WarrantyEndsOn);
            if (others != unchanged) throw new ForbiddenException("A customer may change only the install address of their device.");
        }
        if (v.CustomerId != current.CustomerId) await RequireCustomerAsync(v.CustomerId, ct);
        var updated = current with
        {
            Model = v.Model, ProductLine = v.ProductLine, CustomerId = v.CustomerId, InstallAddress = v.InstallAddress,
            PurchasedOn = v.PurchasedOn, WarrantyEndsOn = v.WarrantyEndsOn, UpdatedAt = clock.UtcNow,
        };
        await store.UpdateAsync(current, updated, stored.Version, ct);
        return View(updated);
    }

    public async Task<Paged<DeviceView>> ListAsync(Caller caller, string? customerId, PageRequest page, CancellationToken ct)
    {
        if (caller.Role == Roles.Customer)
        {
            if (customerId is not null && customerId != caller.CustomerId) throw new ForbiddenException("Customers list only their own devices.");
            customerId = caller.CustomerId;
        }
        else if (!caller.Can(Permission.ReadAll)) throw new ForbiddenException("Only staff and customers list devices.");
        if (customerId is not null && !Ids.LooksValid(customerId, "cus")) throw ValidationFailedException.For("customerId", "is not a customer id.");
        var result = await store.ListAsync(customerId, page, ct);
        return new Paged<DeviceView>(result.Items.Select(View).ToList(), result.ContinuationToken);
    }

    public DeviceView View(Device d) => DeviceView.Of(d, clock.Today);

    private async Task<Stored<Device>> ReadVisibleAsync(Caller caller, string serialNumber, CancellationToken ct)
    {
        if (!SerialNumbers.TryNormalize(serialNumber, out var serial)) throw new NotFoundException("Device", serialNumber);
        var stored = await store.GetIfExistsAsync(serial, ct);
        if (stored is null || !(caller.Can(Permission.ReadAll) || caller.IsCustomer(stored.Value.CustomerId))) throw new NotFoundException("Device", serial);
        return stored;
    }

    private async Task RequireCustomerAsync(string customerId, CancellationToken ct)
    {
        if (await customers.GetIfExistsAsync(customerId, ct) is null)
            throw ValidationFailedException.For("customerId", $"no customer '{customerId}' exists.");
    }
}
