using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using ServerlessService.Testing;

namespace ServerlessService.Bench;

/// <summary>
/// Creates tickets through POST /api/tickets on the real app (Kestrel, Azurite) and, in the same run,
/// inserts the same number of ticket-sized rows straight into a table: the ratio is what intake costs.
/// </summary>
public static class IntakeBenchmark
{
    public static async Task RunAsync(BenchOptions o)
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = await RunningApp.StartAsync(azurite.ConnectionString, RunningApp.NewPrefix(),
            new Dictionary<string, string?> { ["EngineOptions:RunWorker"] = (!o.NoWorker).ToString() });
        using var http = app.Client();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(http));
        var customerId = await PostAsync(http, "/api/customers", new { name = "Bench 客户", phone = "+8613800138999", tier = "standard",
            address = new { region = "310104", line = "上海市徐汇区漕溪北路 88 号" } }, "id");
        var serial = await PostAsync(http, "/api/devices", new { serialNumber = "BENCH-0001", model = "AirPro 75", productLine = "air-compressor",
            customerId, warrantyEndsOn = "2030-01-01" }, "serialNumber");
        var body = new { serialNumber = serial, faultCategory = "noise", description = "压力不足，运行时有异响，请尽快安排工程师上门。", priority = "P2" };

        // Warm-up so JIT and connection setup are not measured.
        await Measure.RunAsync("warm-up", 20, o.Concurrency, _ => PostAsync(http, "/api/tickets", body, "id"));
        var table = new TableClient(azurite.ConnectionString, "benchraw" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        var json = JsonSerializer.Serialize(body) + new string(' ', 600);

        Console.WriteLine();
        Console.WriteLine($"Tickets: {o.Tickets} per row, workflows {(o.NoWorker ? "NOT run (--no-worker)" : "running")}, machine: {Environment.ProcessorCount} cores");
        Console.WriteLine("| operation                          |  clients |      n |   ops/s   | p50 (ms) | p99 (ms) |");
        Console.WriteLine("|------------------------------------|----------|--------|-----------|----------|----------|");
        var ratios = new List<string>();
        foreach (var clients in o.Concurrency == 8 ? new[] { 8, 16 } : [o.Concurrency])
        {
            var viaHttp = await Measure.RunAsync("POST /api/tickets (HTTP, app)", o.Tickets, clients, _ => PostAsync(http, "/api/tickets", body, "id"));
            var raw = await Measure.RunAsync("raw TableClient.AddEntity", o.Tickets, clients, i =>
                table.AddEntityAsync(new TableEntity("tkt-" + Guid.NewGuid().ToString("N"), "ticket") { ["Json"] = json }));
            Console.WriteLine(viaHttp.WithClients(clients));
            Console.WriteLine(raw.WithClients(clients));
            ratios.Add($"{clients} clients: {viaHttp.PerSecond / raw.PerSecond:F2} ×");
        }
        Console.WriteLine("Intake throughput against raw single-row inserts: " + string.Join(", ", ratios) +
            " (one intake = device and customer reads, the ticket-number counter, the first read-model transaction, " +
            "the list rows, scheduling the orchestration, and the response).");
    }

    private static async Task<string> LoginAsync(HttpClient http) =>
        await PostAsync(http, "/api/auth/login", new { username = "admin", password = RunningApp.AdminPassword }, "token");

    private static async Task<string> PostAsync(HttpClient http, string path, object body, string property)
    {
        using var r = await http.PostAsJsonAsync(path, body);
        var text = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"{path} → {(int)r.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty(property).GetString()!;
    }
}
