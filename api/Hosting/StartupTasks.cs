using Azure;
using Microsoft.Extensions.Options;
using ServerlessService.Core.Demo;
using ServerlessService.Core.Identity;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Storage;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.Api.Hosting;

public sealed class DemoOptions
{
    /// <summary>Seed demo data into an empty store at start (run.sh sets it unless --no-demo).</summary>
    public bool Seed { get; set; }
}

/// <summary>Runs before the app takes requests: storage objects, signing key, the first admin, demo data.</summary>
public sealed class StartupTasks(
    StorageAccount storage, DefinitionStore definitions, Secrets secrets, SigningKey signingKey, StaffService staff, DemoSeeder demo,
    IOptions<AuthOptions> auth, IOptions<DemoOptions> demoOptions, IOptions<NotificationOptions> notifications,
    IOptions<LifecycleOptions> lifecycle, ServerlessService.Orchestrations.Tickets.Migration.TicketMigration migration, ILogger<StartupTasks> log)
{
    /// <summary>Everything, in order: the local host runs this before it takes requests.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        await WithEngineAsync(ct);
    }

    /// <summary>Storage objects, lifecycle definitions, signing key and the first admin: needed before any function runs.</summary>
    public async Task PrepareAsync(CancellationToken ct)
    {
        await WithRetriesAsync(() => storage.EnsureCreatedAsync(ct), ct);
        foreach (var robot in notifications.Value.Robots)
            if (RobotClient.Problem(robot) is { } problem) log.LogError("Robot '{Name}' is not used: {Problem}", robot.Name, problem);
        foreach (var phone in lifecycle.Value.SupervisorPhones.Concat(lifecycle.Value.DispatcherPhones))
            if (!ServerlessService.Core.Common.Phones.TryNormalize(phone, out _)) log.LogError("Phone '{Phone}' in LifecycleOptions is not a valid number and gets no messages.", phone);
        await definitions.EnsurePublishedAsync(ct);
        signingKey.Load(await secrets.GetOrCreateAsync("token-signing-key", 32, ct));
        var generated = await staff.EnsureAdminAsync(auth.Value.AdminPassword, ct);
        if (generated is not null)
        {
            // Printed once, on the start that created the account; it is not stored anywhere in clear.
            Console.WriteLine($"Admin account created: admin / {generated}  (shown once; set ADMIN_PASSWORD to choose it)");
        }
    }

    /// <summary>What starts ticket orchestrations, so it needs the engine's client: tickets of the previous release, demo data.</summary>
    public async Task WithEngineAsync(CancellationToken ct)
    {
        await migration.RunAsync(ct);
        if (demoOptions.Value.Seed && await demo.SeedIfEmptyAsync(ct)) log.LogInformation("Demo data seeded.");
    }

    private async Task WithRetriesAsync(Func<Task> action, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { await action(); return; }
            catch (Exception e) when (attempt < 10 && e is RequestFailedException or HttpRequestException or AggregateException)
            {
                log.LogWarning("Storage not reachable yet ({Message}); retrying.", e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), ct);
            }
        }
    }
}
