using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ServerlessService.Testing;

namespace ServerlessService.E2ETests;

/// <summary>What the browser tests set up and check through the API: staff sign-in, JSON posts, SMS read back from the local channel.</summary>
public static class PortalApi
{
    public static async Task<HttpClient> AdminAsync(RunningApp app)
    {
        var http = app.Client();
        var login = await PostAsync(http, "/api/auth/login", new { username = "admin", password = RunningApp.AdminPassword });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)login["token"]!);
        return http;
    }

    public static async Task<JsonObject> PostAsync(HttpClient http, string path, object body)
    {
        using var r = await http.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        var text = await r.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(r.IsSuccessStatusCode, $"{path} → {(int)r.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>A standard-tier customer at a Shanghai Xuhui (310104) address, where the tests' engineers work.</summary>
    public static Task<JsonObject> CustomerAsync(HttpClient admin, string name, string phone) => PostAsync(admin, "/api/customers", new
    {
        name, phone, tier = "standard", address = new { region = "310104", line = "上海市徐汇区漕溪北路 88 号", lat = 31.19, lng = 121.43 },
    });

    /// <summary>A device of the product line, in warranty until 2030, owned by the customer.</summary>
    public static Task<JsonObject> DeviceAsync(HttpClient admin, string serialNumber, string productLine, JsonObject customer, string model = "AirPro 75") =>
        PostAsync(admin, "/api/devices", new { serialNumber, model, productLine, customerId = (string)customer["id"]!, warrantyEndsOn = "2030-01-01" });

    /// <summary>The first match of the pattern in the newest SMS to this phone that contains the marker.</summary>
    public static async Task<string> SmsAsync(HttpClient admin, string phone, string marker, Regex pattern)
    {
        for (var i = 0; i < 100; i++)
        {
            var inbox = await admin.GetFromJsonAsync<JsonArray>("/api/dev/sms?to=" + Uri.EscapeDataString(phone), TestContext.Current.CancellationToken);
            var body = inbox!.Select(m => (string)m!["body"]!).FirstOrDefault(b => b.Contains(marker));
            if (body is not null) return pattern.Match(body).Value;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"No SMS with '{marker}' arrived for {phone}.");
    }

    /// <summary>The ticket's status once it is the expected one (the page syncs in the background), or the last seen.</summary>
    public static async Task<string> StatusAsync(HttpClient admin, string id, string expected)
    {
        var status = "";
        for (var i = 0; i < 100 && status != expected; i++)
        {
            status = (string)(await admin.GetFromJsonAsync<JsonObject>($"/api/tickets/{id}", TestContext.Current.CancellationToken))!["status"]!;
            if (status != expected) await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        return status;
    }
}
