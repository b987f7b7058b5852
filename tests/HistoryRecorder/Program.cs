using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServerlessService.Host.Engine;
using ServerlessService.Testing;

// Records the engine's history of an in-flight ticket orchestration (opened with SLA timers pending, assigned, its
// job-link SMS sent) as tests/Unit/Fixtures/ticket-history-v1.json for TicketReplayTests. Run through
// tests/Unit/Fixtures/record-ticket-history.sh; see the README next to the fixture.
var output = args.Length > 0 ? args[0] : Path.Combine(Azurite.RepoRoot(), "tests", "Unit", "Fixtures", "ticket-history-v1.json");
await using var azurite = await Azurite.StartAsync();
await using var app = await RunningApp.StartAsync(azurite.ConnectionString, RunningApp.NewPrefix(), new Dictionary<string, string?>
{
    ["EngineOptions:MaxQueuePollingInterval"] = "00:00:00.500",
    ["LifecycleOptions:QuietHoursStart"] = "00:00:00",
    ["LifecycleOptions:QuietHoursEnd"] = "00:00:00",
    ["LifecycleOptions:EngineerQuietHoursStart"] = "00:00:00",
    ["LifecycleOptions:EngineerQuietHoursEnd"] = "00:00:00",
});
using var http = app.Client();
var token = (await Post("/api/auth/login", new { username = "admin", password = RunningApp.AdminPassword }))["token"]!.GetValue<string>();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

var line = "pl-record";
var customer = await Post("/api/customers", new
{
    name = "录制客户", phone = "+8613900139000", tier = "standard",
    address = new { region = "310104", line = "上海市徐汇区漕溪北路 88 号", lat = 31.19, lng = 121.43 },
});
var device = await Post("/api/devices", new
{
    serialNumber = "SN-RECORD-0001", model = "AirPro 75", productLine = line, customerId = customer["id"]!.GetValue<string>(),
    purchasedOn = "2025-01-10", warrantyEndsOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1).ToString("yyyy-MM-dd"),
});
await Post("/api/sla/policies", new
{
    name = "Record", order = 1, match = new { productLine = line }, targets = new { response = "04:00:00", arrival = "08:00:00", resolution = "24:00:00" },
    warnAt = new[] { 50, 75 }, escalations = Array.Empty<object>(),
});
var engineer = await Post("/api/engineers", new
{
    name = "录制工程师", phone = "+8613900139001", skills = new[] { new { productLine = "boiler", level = 3 } }, regions = new[] { "310104" },
    location = new { lat = 31.2, lng = 121.4 }, maxConcurrentJobs = 3, onDuty = true,
});
var ticket = await Post("/api/tickets", new { serialNumber = device["serialNumber"]!.GetValue<string>(), faultCategory = "noise", description = "空压机异响。", priority = "P2" });
var id = ticket["id"]!.GetValue<string>();
// Dispatch has nobody (the engineer's skill is another product line): wait for the hold, then assign by hand.
await Until(async () => (await Get($"/api/tickets/{id}/timeline")).AsArray().Any(e => (string?)e!["kind"] == "dispatch-held"));
await Post($"/api/tickets/{id}/assign", new { engineerId = engineer["id"]!.GetValue<string>() }, "record-assign");
await Until(async () => (await Get($"/api/tickets/{id}/messages")).AsArray() is { Count: >= 3 } m && m.All(x => (string?)x!["status"] == "sent"));
await Task.Delay(2000);

var engine = app.Services.GetRequiredService<LocalEngine>().Service;
var state = (await engine.GetOrchestrationStateAsync(id, allExecutions: false))[0];
var history = await engine.GetOrchestrationHistoryAsync(id, state.OrchestrationInstance.ExecutionId);
await File.WriteAllTextAsync(output, Newtonsoft.Json.Linq.JToken.Parse(history).ToString(Newtonsoft.Json.Formatting.Indented) + "\n");
Console.WriteLine($"Recorded {Newtonsoft.Json.Linq.JArray.Parse(history).Count} events of {id} ({state.OrchestrationStatus}) to {output}");

async Task<JsonNode> Post(string path, object body, string? key = null)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
    if (key is not null) request.Headers.Add("Idempotency-Key", key);
    using var response = await http.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
    return JsonNode.Parse(text)!;
}

async Task<JsonNode> Get(string path) => JsonNode.Parse(await http.GetStringAsync(path))!;

static async Task Until(Func<Task<bool>> done)
{
    for (var until = DateTime.UtcNow.AddSeconds(60); !await done(); await Task.Delay(200))
        if (DateTime.UtcNow > until) throw new TimeoutException("The ticket did not get there within 60 s.");
}
