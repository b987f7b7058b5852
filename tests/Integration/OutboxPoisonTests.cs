using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServerlessService.Core.Sms;
using ServerlessService.Testing;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>An SMS gateway that refuses messages to the supervisor's number while it is "down", in front of the local channel.</summary>
public sealed class SwitchableSms(LocalSmsChannel local) : ISmsChannel
{
    public volatile bool Down = true;
    public string Name => "switchable";

    public Task<string> SendAsync(string toE164, string body, CancellationToken ct, string? idempotencyKey = null) =>
        Down && toE164 == SupervisorPhone ? throw new HttpRequestException("SMS gateway unavailable") : local.SendAsync(toE164, body, ct, idempotencyKey);
}

/// <summary>Side effects that keep failing are parked, listed for admins, and sent when an admin retries them.</summary>
public sealed class OutboxPoisonTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningApp? _app;

    public async ValueTask InitializeAsync() =>
        _app = await RunningApp.StartAsync(azurite.ConnectionString, RunningApp.NewPrefix(), FastSettings(),
            services => services.AddSingleton<ISmsChannel>(sp => new SwitchableSms(sp.GetRequiredService<LocalSmsChannel>())));

    public async ValueTask DisposeAsync() { if (_app is not null) await _app.DisposeAsync(); }

    [Fact]
    public async Task AMessageThatKeepsFailingIsParkedAndSentOnceWhenAnAdminRetriesIt()
    {
        var api = new Api(_app!.Client());
        var admin = await api.AsStaffAsync();
        var s = await SetupAsync(admin);
        await PolicyAsync(admin, s.ProductLine, "00:00:01", "10:00:00", "10:00:00", []);
        var id = await OpenAsync(s);

        var parked = await EventuallyAsync(async () => (await admin.GetAsync("/api/ops/poison")).Json!["items"]!.AsArray(), items => items.Count > 0);
        var item = Assert.Single(parked);
        Assert.Equal(id, item!["instanceId"]!.GetValue<string>());
        Assert.Equal("notify", item["kind"]!.GetValue<string>());
        Assert.Equal(3, item["attempts"]!.GetValue<int>());
        Assert.Contains("SMS gateway unavailable", item["lastError"]!.GetValue<string>());

        var signIn = await api.PostAsync("/api/auth/otp", new { phone = SupervisorPhone });
        signIn.AssertProblem(HttpStatusCode.ServiceUnavailable);
        (await admin.PostAsync("/api/ops/poison/obx-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b0/retry", new { })).AssertProblem(HttpStatusCode.NotFound);
        (await admin.PostAsync("/api/staff", new { username = "disp-ops", displayName = "调度", role = "dispatcher", password = "dispatcher-pass-1" })).AssertStatus(HttpStatusCode.Created);
        var dispatcher = await api.AsStaffAsync("disp-ops", "dispatcher-pass-1");
        (await dispatcher.GetAsync("/api/ops/poison")).AssertProblem(HttpStatusCode.Forbidden);

        ((SwitchableSms)_app.Services.GetRequiredService<ISmsChannel>()).Down = false;
        (await admin.PostAsync($"/api/ops/poison/{item["id"]!.GetValue<string>()}/retry", new { })).AssertStatus(HttpStatusCode.Accepted);

        var local = _app.Services.GetRequiredService<LocalSmsChannel>();
        var sent = await EventuallyAsync(() => local.ReadAsync(SupervisorPhone, 50, TestContext.Current.CancellationToken), m => m.Count > 0);
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        Assert.Single(await local.ReadAsync(SupervisorPhone, 50, TestContext.Current.CancellationToken));
        Assert.Contains("已超出响应时限", sent[0].Body);
        Assert.Empty((await admin.GetAsync("/api/ops/poison")).Json!["items"]!.AsArray());
    }
}
