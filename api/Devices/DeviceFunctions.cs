using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessService.Core.Common;
using ServerlessService.Core.Customers;
using ServerlessService.Core.Devices;
using ServerlessService.Api.Hosting;

namespace ServerlessService.Api.Devices;

/// <summary>Device records. Register: dispatcher, admin. Read and list: staff, or the owning customer. Update: staff, or the owner (install address only).</summary>
public static class DeviceFunctions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/devices").WithTags("Devices");
        g.MapPost("/", Create).RequirePermission(Permission.EditArchive);
        g.MapGet("/", List);
        g.MapGet("/{serialNumber}", Get);
        g.MapPut("/{serialNumber}", Update);
    }

    private static async Task<Created<DeviceView>> Create(DeviceInput body, Caller caller, DeviceService devices, CancellationToken ct)
    {
        var d = await devices.CreateAsync(caller, body, ct);
        return TypedResults.Created($"/api/devices/{Uri.EscapeDataString(d.SerialNumber)}", d);
    }

    private static async Task<Ok<Paged<DeviceView>>> List(
        string? customerId, string? pageSize, string? continuationToken, Caller caller, DeviceService devices, CancellationToken ct) =>
        TypedResults.Ok(await devices.ListAsync(caller, customerId, PageRequest.From(pageSize, continuationToken), ct));

    private static async Task<Ok<DeviceProfile>> Get(string serialNumber, Caller caller, ArchiveViews views, CancellationToken ct) =>
        TypedResults.Ok(await views.DeviceAsync(caller, serialNumber, ct));

    private static async Task<Ok<DeviceView>> Update(string serialNumber, DeviceInput body, Caller caller, DeviceService devices, CancellationToken ct) =>
        TypedResults.Ok(await devices.UpdateAsync(caller, serialNumber, body, ct));
}
