using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ServerlessService.Testing;

namespace ServerlessService.Bench;

/// <summary>The few API calls the benchmarks make, as admin; any unexpected status stops the run.</summary>
public sealed class BenchApi(HttpClient http)
{
    public HttpClient Http => http;

    public static async Task<BenchApi> SignInAsync(HttpClient http)
    {
        var api = new BenchApi(http);
        var token = await api.PostAsync("/api/auth/login", new { username = "admin", password = RunningApp.AdminPassword }, "token");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return api;
    }

    /// <summary>One customer with one device; engineers whose skills match nothing, so tickets wait for manual dispatch.</summary>
    public async Task<(string Serial, string[] Engineers)> SeedAsync(int engineers)
    {
        var customerId = await PostAsync("/api/customers", new { name = "Bench 客户", phone = "+8613800138999", tier = "standard",
            address = new { region = "310104", line = "上海市徐汇区漕溪北路 88 号" } }, "id");
        var serial = await PostAsync("/api/devices", new { serialNumber = "BENCH-0001", model = "AirPro 75", productLine = "air-compressor",
            customerId, warrantyEndsOn = "2030-01-01" }, "serialNumber");
        var ids = new string[engineers];
        for (var i = 0; i < engineers; i++)
            ids[i] = await PostAsync("/api/engineers", new { name = $"基准工程师 {i}", phone = $"+86139001399{i:00}",
                skills = new[] { new { productLine = "bench-none", level = 3 } }, regions = new[] { "310104" },
                location = new { lat = 31.19, lng = 121.43 }, maxConcurrentJobs = 50, onDuty = true }, "id");
        return (serial, ids);
    }

    public static object Ticket(string serial) =>
        new { serialNumber = serial, faultCategory = "noise", description = "压力不足，运行时有异响，请尽快安排工程师上门。", priority = "P2" };

    public async Task<string> PostAsync(string path, object body, string property)
    {
        using var r = await http.PostAsJsonAsync(path, body);
        var text = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"{path} → {(int)r.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty(property).GetString()!;
    }

    /// <summary>An action; true when answered 200 (applied), false on 202 (not applied within the wait).</summary>
    public async Task<bool> ActAsync(string ticketId, string action, object body)
    {
        using var r = await http.PostAsJsonAsync($"/api/tickets/{ticketId}/{action}", body);
        if ((int)r.StatusCode is 200) return true;
        if ((int)r.StatusCode is 202) return false;
        throw new InvalidOperationException($"{action} on {ticketId} → {(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
    }
}
