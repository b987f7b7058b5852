using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServerlessService.Testing;

[assembly: CaptureConsole]

namespace ServerlessService.E2ETests;

/// <summary>
/// The page an engineer's SMS link opens, in a real Chromium (Debian's, driven by Playwright) against the real app
/// on Azurite: the job shows, Accept works, and a dead link gets a plain explanation.
/// </summary>
public sealed partial class JobPageTests : IAsyncLifetime
{
    private Azurite? _azurite;
    private RunningApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        _app = await RunningApp.StartAsync(_azurite.ConnectionString, RunningApp.NewPrefix(), new Dictionary<string, string?>
        {
            ["WorkflowOptions:PollInterval"] = "00:00:00.050",
            ["OtpOptions:PerClientPermitLimit"] = "100000",
        });
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (_azurite is not null) await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task TheEngineerOpensTheJobFromTheSmsLinkAndAcceptsIt()
    {
        using var admin = await AdminAsync();
        var engineerPhone = "+8613900139" + Random.Shared.Next(100, 999);
        var line = "pl-" + Guid.NewGuid().ToString("N")[..8];
        var customer = await PostAsync(admin, "/api/customers", new
        {
            name = "王女士", phone = "+8613800138" + Random.Shared.Next(100, 999), tier = "standard",
            address = new { region = "310104", line = "上海市徐汇区漕溪北路 88 号", lat = 31.19, lng = 121.43 },
        });
        await PostAsync(admin, "/api/devices", new { serialNumber = "SN-E2E-" + line, model = "AirPro 75", productLine = line, customerId = (string)customer["id"]!, warrantyEndsOn = "2030-01-01" });
        await PostAsync(admin, "/api/engineers", new
        {
            name = "张伟", phone = engineerPhone, skills = new[] { new { productLine = line, level = 3 } }, regions = new[] { "310104" },
            location = new { lat = 31.2, lng = 121.44 }, maxConcurrentJobs = 3, onDuty = true,
        });
        var ticket = await PostAsync(admin, "/api/tickets", new { serialNumber = "SN-E2E-" + line, faultCategory = "noise", description = "空压机异响", priority = "P2" });
        var link = await LinkAsync(admin, engineerPhone);

        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(link);

        await Assertions.Expect(page.GetByText((string)ticket["number"]!)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Assigned");
        await page.GetByRole(AriaRole.Button, new() { Name = "接单 Accept" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Accepted");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "出发 On my way" })).ToBeVisibleAsync();
        var stored = await admin.GetFromJsonAsync<JsonObject>($"/api/tickets/{ticket["id"]}", TestContext.Current.CancellationToken);
        Assert.Equal("Accepted", (string)stored!["status"]!);
    }

    [Fact]
    public async Task ALinkThatIsNotValidShowsAPlainExplanation()
    {
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(new Uri(_app!.BaseAddress, "/e/AAAAAAAAAA").ToString());

        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("链接无效或已失效");
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("not valid");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button).CountAsync());
    }

    private async Task<HttpClient> AdminAsync()
    {
        var http = _app!.Client();
        var login = await PostAsync(http, "/api/auth/login", new { username = "admin", password = RunningApp.AdminPassword });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)login["token"]!);
        return http;
    }

    private async Task<string> LinkAsync(HttpClient admin, string phone)
    {
        for (var i = 0; i < 100; i++)
        {
            var inbox = await admin.GetFromJsonAsync<JsonArray>("/api/dev/sms?to=" + Uri.EscapeDataString(phone), TestContext.Current.CancellationToken);
            var match = inbox!.Select(m => LinkPath().Match((string)m!["body"]!)).FirstOrDefault(m => m.Success);
            if (match is not null) return new Uri(_app!.BaseAddress, match.Value).ToString();
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException("No job link arrived by SMS.");
    }

    private static async Task<JsonObject> PostAsync(HttpClient http, string path, object body)
    {
        using var r = await http.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        var text = await r.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(r.IsSuccessStatusCode, $"{path} → {(int)r.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    [GeneratedRegex("/e/[0-9A-Za-z]{10}")]
    private static partial Regex LinkPath();
}
