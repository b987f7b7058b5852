using System.Net;
using System.Text.Json.Nodes;

namespace ServerlessService.IntegrationTests;

/// <summary>Lifecycle test data through the public API: SLA policies per product line keep tests apart on one app.</summary>
public static class Lifecycle
{
    public const string SupervisorPhone = "+8613700137000";

    /// <summary>
    /// Fast runtime settings: real queues and timers, short polls, quick sweep, a 2 s confirmation window. Queue
    /// messages may hide at most 1 s, so every longer timer goes through the re-arming path that week-long timers take.
    /// </summary>
    public static Dictionary<string, string?> FastSettings() => new()
    {
        ["EngineOptions:MaxQueuePollingInterval"] = "00:00:00.500",
        ["LifecycleOptions:EffectRetryDelay"] = "00:00:00.200",
        ["LifecycleOptions:EffectAttempts"] = "3",
        ["LifecycleOptions:ConfirmationWindow"] = "00:00:02",
        ["LifecycleOptions:SupervisorPhones:0"] = SupervisorPhone,
        // No quiet hours, so customer messages go out at whatever hour the tests run.
        ["LifecycleOptions:QuietHoursStart"] = "00:00:00",
        ["LifecycleOptions:QuietHoursEnd"] = "00:00:00",
        ["LifecycleOptions:EngineerQuietHoursStart"] = "00:00:00",
        ["LifecycleOptions:EngineerQuietHoursEnd"] = "00:00:00",
    };

    public sealed record Setup(Api Staff, JsonNode Customer, JsonNode Device, string ProductLine);

    /// <summary>A customer with a device on a product line of its own, so the test's SLA policy matches only its tickets.</summary>
    public static async Task<Setup> SetupAsync(Api staff, string tier = "standard")
    {
        var line = "pl-" + Guid.NewGuid().ToString("N")[..8];
        var customer = await Archive.CustomerAsync(staff, tier: tier);
        var r = await staff.PostAsync("/api/devices", new
        {
            serialNumber = "SN-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
            model = "AirPro 75",
            productLine = line,
            customerId = customer["id"]!.GetValue<string>(),
            purchasedOn = "2025-01-10",
            warrantyEndsOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1).ToString("yyyy-MM-dd"),
        });
        return new Setup(staff, customer, r.AssertStatus(HttpStatusCode.Created).Json!, line);
    }

    public static async Task<JsonNode> PolicyAsync(Api staff, string productLine, string response, string arrival, string resolution,
        int[]? warnAt = null, object[]? escalations = null, string? calendarId = null, string? priority = null)
    {
        var r = await staff.PostAsync("/api/sla/policies", new
        {
            name = "Test " + productLine,
            order = 1,
            match = new { priority, productLine },
            calendarId,
            targets = new { response, arrival, resolution },
            warnAt = warnAt ?? [50],
            escalations = escalations ?? [],
        });
        return r.AssertStatus(HttpStatusCode.Created).Json!;
    }

    public static async Task<string> OpenAsync(Setup s, string priority = "P2")
    {
        var r = await s.Staff.PostAsync("/api/tickets", new
        {
            serialNumber = s.Device["serialNumber"]!.GetValue<string>(),
            faultCategory = "noise",
            description = "空压机异响，压力不足。",
            priority,
        });
        return r.AssertStatus(HttpStatusCode.Created).Str("id");
    }

    /// <summary>Actions without fields are sent with no body at all, as a phone page would.</summary>
    public static Task<Reply> ActAsync(Api api, string ticketId, string action, object? body = null, string? idempotencyKey = null)
    {
        if (body is not null) return api.PostAsync($"/api/tickets/{ticketId}/{action}", body, idempotencyKey);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{ticketId}/{action}");
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return api.SendAsync(request);
    }

    public static async Task<JsonArray> TimelineAsync(Api api, string ticketId) =>
        (await api.GetAsync($"/api/tickets/{ticketId}/timeline")).AssertStatus(HttpStatusCode.OK).Json!.AsArray();

    public static IEnumerable<JsonNode> Kind(this JsonArray timeline, string kind) => timeline.Where(e => e!["kind"]!.GetValue<string>() == kind)!;

    public static JsonNode Clock(JsonNode ticket, string metric) =>
        ticket["sla"]!["clocks"]!.AsArray().First(c => c!["metric"]!.GetValue<string>() == metric)!;

    /// <summary>Polls until the condition holds; real timers take real seconds.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > until) return value;
            await Task.Delay(200);
        }
    }

    public static async Task<(Api Api, string Id)> EngineerAsync(Api staff, Api anonymous)
    {
        var phone = Archive.NewPhone();
        var e = await Archive.EngineerAsync(staff, phone);
        var (api, _) = await anonymous.AsPhoneAsync(phone, "engineer");
        return (api, e["id"]!.GetValue<string>());
    }

    public static async Task<Api> CustomerApiAsync(Setup s, Api anonymous) =>
        (await anonymous.AsPhoneAsync(s.Customer["phone"]!.GetValue<string>())).Api;
}

public sealed class LifecycleAppFixture(AzuriteFixture azurite) : AppFixture(azurite)
{
    protected override IDictionary<string, string?> Settings => Lifecycle.FastSettings();
}
