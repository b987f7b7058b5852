using System.Net;
using System.Text.Json.Nodes;

namespace ServerlessService.IntegrationTests;

/// <summary>Test data made through the public API, the way a dispatcher would enter it.</summary>
public static class Archive
{
    private static int _phoneCounter = Random.Shared.Next(1000, 9000);

    /// <summary>A fresh valid Chinese mobile number, different on every call.</summary>
    public static string NewPhone() => $"+86139{Interlocked.Increment(ref _phoneCounter) % 10000:D4}{Random.Shared.Next(1000, 9999)}";

    public static async Task<JsonNode> CustomerAsync(Api staff, string? name = null, string? phone = null, string tier = "standard")
    {
        var r = await staff.PostAsync("/api/customers", new
        {
            name = name ?? "客户 " + Guid.NewGuid().ToString("N")[..6],
            phone = phone ?? NewPhone(),
            tier,
            address = new { region = "310104", line = "上海市徐汇区漕溪北路 88 号", lat = 31.19, lng = 121.43 },
        });
        return r.AssertStatus(HttpStatusCode.Created).Json!;
    }

    public static async Task<JsonNode> DeviceAsync(Api staff, string customerId, string? serial = null, DateOnly? warrantyEndsOn = null)
    {
        var r = await staff.PostAsync("/api/devices", new
        {
            serialNumber = serial ?? "SN-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
            model = "AirPro 75",
            productLine = "air-compressor",
            customerId,
            purchasedOn = "2025-01-10",
            warrantyEndsOn = (warrantyEndsOn ?? DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1)).ToString("yyyy-MM-dd"),
        });
        return r.AssertStatus(HttpStatusCode.Created).Json!;
    }

    /// <summary>An engineer skilled on boilers, so automatic dispatch never gives them the air-compressor tickets these tests open.</summary>
    public static async Task<JsonNode> EngineerAsync(Api staff, string? phone = null, string? name = null)
    {
        var r = await staff.PostAsync("/api/engineers", new
        {
            name = name ?? "工程师 " + Guid.NewGuid().ToString("N")[..6],
            phone = phone ?? NewPhone(),
            skills = new[] { new { productLine = "boiler", level = 3 } },
            regions = new[] { "310104" },
            location = new { lat = 31.2, lng = 121.4 },
            maxConcurrentJobs = 3,
            onDuty = true,
        });
        return r.AssertStatus(HttpStatusCode.Created).Json!;
    }

    public static object TicketBody(string serial, string description = "空压机异响，压力不足。") => new
    {
        serialNumber = serial,
        faultCategory = "noise",
        description,
        priority = "P2",
    };
}
