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

/// <summary>
/// A side effect that keeps failing is recorded after its retries (timeline, message status, the ops list) and is
/// sent once when an admin retries the ticket.
/// </summary>
public sealed class FailedEffectTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningApp? _app;

    public async ValueTask InitializeAsync() =>
        _app = await RunningApp.StartAsync(azurite.ConnectionString, RunningApp.NewPrefix(), FastSettings(),
            services => services.AddSingleton<ISmsChannel>(sp => new SwitchableSms(sp.GetRequiredService<LocalSmsChannel>())));

    public async ValueTask DisposeAsync() { if (_app is not null) await _app.DisposeAsync(); }

    [Fact]
    public async Task AMessageThatKeepsFailingIsShownFailedAndSentOnceWhenAnAdminRetriesTheTicket()
    {
        var api = new Api(_app!.Client());
        var admin = await api.AsStaffAsync();
        var s = await SetupAsync(admin);
        await PolicyAsync(admin, s.ProductLine, "00:00:01", "10:00:00", "10:00:00", []);
        var id = await OpenAsync(s);

        var failed = await EventuallyAsync(async () => (await admin.GetAsync($"/api/tickets/{id}/messages")).Json!.AsArray(),
            m => m.Any(x => x!["status"]!.GetValue<string>() == "failed"));
        var message = failed.Single(x => x!["status"]!.GetValue<string>() == "failed")!;
        Assert.Equal("notify", message["kind"]!.GetValue<string>());
        Assert.Contains("SMS gateway unavailable", message["lastError"]!.GetValue<string>());
        var timeline = await TimelineAsync(admin, id);
        Assert.Contains(timeline.Kind("effect-failed"), e => e!["data"]!["effect"]!.GetValue<string>() == "notify");

        var instances = await EventuallyAsync(async () => (await admin.GetAsync("/api/ops/instances?status=running")).Json!["items"]!.AsArray(),
            items => items.Any(i => i!["id"]!.GetValue<string>() == id && i["run"]!["failed"]!.AsArray().Count == 1));
        var mine = instances.Single(i => i!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("notify", mine["run"]!["failed"]![0]!["effect"]!["kind"]!.GetValue<string>());

        (await admin.GetAsync("/api/ops/instances?status=sideways")).AssertProblem(HttpStatusCode.BadRequest);
        // A continuation token this list never handed out is never a server error: the engine either reads it as a
        // position (a page) or the list answers 400 naming the field.
        foreach (var forged in new[] { "bm90LWEtdG9rZW4", "%7B%22x%22%3A1%7D", "%25%25%25", "eyJOZXh0UGFydGl0aW9uS2V5IjoxfQ" })
        {
            var reply = await admin.GetAsync("/api/ops/instances?continuationToken=" + forged);
            Assert.True(reply.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{forged} → {(int)reply.Status}: {reply.Text}");
            if (reply.Status == HttpStatusCode.BadRequest) Assert.NotNull(reply.Json!["errors"]!["continuationToken"]);
        }
        (await admin.PostAsync("/api/ops/instances/tkt-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b0/retry", new { })).AssertProblem(HttpStatusCode.NotFound);
        (await admin.PostAsync("/api/staff", new { username = "disp-ops", displayName = "调度", role = "dispatcher", password = "dispatcher-pass-1" })).AssertStatus(HttpStatusCode.Created);
        var dispatcher = await api.AsStaffAsync("disp-ops", "dispatcher-pass-1");
        (await dispatcher.GetAsync("/api/ops/instances")).AssertProblem(HttpStatusCode.Forbidden);

        ((SwitchableSms)_app.Services.GetRequiredService<ISmsChannel>()).Down = false;
        (await admin.PostAsync($"/api/ops/instances/{id}/retry", new { })).AssertStatus(HttpStatusCode.Accepted);

        var local = _app.Services.GetRequiredService<LocalSmsChannel>();
        var sent = await EventuallyAsync(() => local.ReadAsync(SupervisorPhone, 50, TestContext.Current.CancellationToken), m => m.Count > 0);
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        Assert.Single(await local.ReadAsync(SupervisorPhone, 50, TestContext.Current.CancellationToken));
        Assert.Contains("已超出响应时限", sent[0].Body);
        await EventuallyAsync(async () => (await admin.GetAsync($"/api/tickets/{id}/messages")).Json!.AsArray(),
            m => m.All(x => x!["status"]!.GetValue<string>() != "failed"));
    }
}
