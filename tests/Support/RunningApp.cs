using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ServerlessService.Api.Hosting;
using ServerlessService.Host;

namespace ServerlessService.Testing;

/// <summary>The real function app on Kestrel at a free loopback port, on the given storage; tests talk to it over HTTP.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    public const string AdminPassword = "admin-pass-for-tests";

    /// <summary>
    /// Tests sign in many times, as one account and from one address: sign-in limits are lifted unless a test sets
    /// the one it is about (SignInLimitOptions in README.md).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> LiftedSignInLimits { get; } = new Dictionary<string, string?>
    {
        ["SignInLimitOptions:PerAddress:PermitLimit"] = "100000",
        ["SignInLimitOptions:PerAccount:PermitLimit"] = "100000",
        ["SignInLimitOptions:PerPhone:PermitLimit"] = "100000",
        ["SignInLimitOptions:PerLinkCode:PermitLimit"] = "100000",
    };

    private readonly WebApplication _app;

    private RunningApp(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public IServiceProvider Services => _app.Services;

    /// <param name="prefix">Table/container prefix: one per test class keeps classes apart on one Azurite.</param>
    public static async Task<RunningApp> StartAsync(
        string connectionString, string prefix, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var app = LocalHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            var config = new Dictionary<string, string?>
            {
                ["StorageOptions:ConnectionString"] = connectionString,
                ["StorageOptions:Prefix"] = prefix,
                ["AuthOptions:AdminPassword"] = AdminPassword,
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (k, v) in LiftedSignInLimits) config[k] = v;
            foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) config[k] = v;
            builder.Configuration.AddInMemoryCollection(config);
            services?.Invoke(builder.Services);
        });
        await app.Services.GetRequiredService<StartupTasks>().RunAsync(CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningApp(app, new Uri(address));
    }

    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    public HttpClient Client() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
