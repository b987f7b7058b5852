using Microsoft.Playwright;
using ServerlessService.Testing;

[assembly: AssemblyFixture(typeof(ServerlessService.E2ETests.PortalFixture))]

namespace ServerlessService.E2ETests;

/// <summary>One Azurite, one app and one Chromium for all browser tests; each test opens its own browser context.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    private Azurite? _azurite;
    private IPlaywright? _playwright;

    public RunningApp App { get; private set; } = null!;
    /// <summary>For a test that needs an app of its own (other settings) on the same Azurite.</summary>
    public string ConnectionString => _azurite!.ConnectionString;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots land here (TestResults/screenshots), kept as test artifacts.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(Azurite.RepoRoot(), "TestResults", "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        App = await RunningApp.StartAsync(_azurite.ConnectionString, RunningApp.NewPrefix(), new Dictionary<string, string?>
        {
            ["EngineOptions:MaxQueuePollingInterval"] = "00:00:00.500",
            // No quiet hours, so customer messages go out at whatever hour the tests run.
            ["LifecycleOptions:QuietHoursStart"] = "00:00:00",
            ["LifecycleOptions:QuietHoursEnd"] = "00:00:00",
            ["LifecycleOptions:EngineerQuietHoursStart"] = "00:00:00",
            ["LifecycleOptions:EngineerQuietHoursEnd"] = "00:00:00",
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
        if (_azurite is not null) await _azurite.DisposeAsync();
    }

    public string Url(string path) => new Uri(App.BaseAddress, path).ToString();

    /// <summary>A page in a browser context of its own, with the browser's language and screen size (a phone unless told).</summary>
    public async Task<IPage> PageAsync(string locale, int width = 390, int height = 844, string? timeZone = null) =>
        await (await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale, TimezoneId = timeZone, ViewportSize = new ViewportSize { Width = width, Height = height },
        })).NewPageAsync();
}
