using ServerlessService.Testing;

[assembly: AssemblyFixture(typeof(ServerlessService.IntegrationTests.AzuriteFixture))]
[assembly: CaptureConsole]

namespace ServerlessService.IntegrationTests;

/// <summary>One Azurite for the whole test run; each test class uses its own table prefix on it.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;
    public string ConnectionString => _azurite!.ConnectionString;
    public async ValueTask InitializeAsync() => _azurite = await Azurite.StartAsync();
    public async ValueTask DisposeAsync() { if (_azurite is not null) await _azurite.DisposeAsync(); }
}

/// <summary>The function app on its own prefix, shared by the tests of one class.</summary>
public class AppFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningApp? _app;
    public RunningApp App => _app!;
    public string ConnectionString => azurite.ConnectionString;
    public string Prefix { get; } = RunningApp.NewPrefix();

    /// <summary>Settings of the class's app (sign-in limits are lifted already: RunningApp.LiftedSignInLimits).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync(azurite.ConnectionString, Prefix, Settings);
    public async ValueTask DisposeAsync() { if (_app is not null) await _app.DisposeAsync(); }

    public Api Api() => new(App.Client());
}
