using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ServerlessService.Testing;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>A local stand-in for the WeCom and DingTalk robot endpoints: records each POST and answers errcode 0.</summary>
public sealed class RobotListener : IDisposable
{
    private readonly HttpListener _listener = new();

    public RobotListener()
    {
        Port = Azurite.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }
    public ConcurrentQueue<(string PathAndQuery, JsonNode Body)> Received { get; } = new();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext c;
            try { c = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using (var reader = new StreamReader(c.Request.InputStream, Encoding.UTF8))
                Received.Enqueue((c.Request.Url!.PathAndQuery, JsonNode.Parse(await reader.ReadToEndAsync())!));
            var answer = Encoding.UTF8.GetBytes("{\"errcode\":0,\"errmsg\":\"ok\"}");
            c.Response.ContentType = "application/json";
            await c.Response.OutputStream.WriteAsync(answer);
            c.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}

/// <summary>SLA alerts reach the configured WeCom and DingTalk group robots in their documented JSON, DingTalk signed.</summary>
public sealed class RobotWebhookTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string DingSecret = "SEC0123456789abcdef";
    private readonly RobotListener _robots = new();
    private RunningApp? _app;

    public async ValueTask InitializeAsync()
    {
        var settings = FastSettings();
        settings["NotificationOptions:Robots:0:Name"] = "售后群";
        settings["NotificationOptions:Robots:0:Kind"] = "wecom";
        settings["NotificationOptions:Robots:0:Url"] = $"http://127.0.0.1:{_robots.Port}/cgi-bin/webhook/send?key=wecom-key";
        settings["NotificationOptions:Robots:1:Name"] = "调度群";
        settings["NotificationOptions:Robots:1:Kind"] = "dingtalk";
        settings["NotificationOptions:Robots:1:Url"] = $"http://127.0.0.1:{_robots.Port}/robot/send?access_token=ding-token";
        settings["NotificationOptions:Robots:1:Secret"] = DingSecret;
        settings["NotificationOptions:AllowLoopbackRobots"] = "true";
        _app = await RunningApp.StartAsync(azurite.ConnectionString, RunningApp.NewPrefix(), settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _robots.Dispose();
    }

    [Fact]
    public async Task ABreachIsPostedToEachRobotAsTextAndDingTalkRequestsAreSigned()
    {
        var staff = await new Api(_app!.Client()).AsStaffAsync();
        var s = await SetupAsync(staff);
        await PolicyAsync(staff, s.ProductLine, "00:00:01", "10:00:00", "10:00:00", []);
        var id = await OpenAsync(s);
        var number = (await staff.GetAsync($"/api/tickets/{id}")).Str("number");

        bool IsBreach((string PathAndQuery, JsonNode Body) r) => r.Body["text"]!["content"]!.GetValue<string>().Contains("已超出响应时限");
        await EventuallyAsync(() => Task.FromResult(_robots.Received.Count(IsBreach)), n => n >= 2);

        var received = _robots.Received.Where(IsBreach).ToList();
        Assert.Equal(2, received.Count);
        foreach (var (_, body) in received)
        {
            Assert.Equal("text", body["msgtype"]!.GetValue<string>());
            Assert.Contains(number, body["text"]!["content"]!.GetValue<string>());
            Assert.Contains("已超出响应时限", body["text"]!["content"]!.GetValue<string>());
        }
        var wecom = received.Single(r => r.PathAndQuery.StartsWith("/cgi-bin/webhook/send", StringComparison.Ordinal));
        Assert.Equal("/cgi-bin/webhook/send?key=wecom-key", wecom.PathAndQuery);
        var ding = received.Single(r => r.PathAndQuery.StartsWith("/robot/send", StringComparison.Ordinal));
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + ding.PathAndQuery).Query);
        Assert.Equal("ding-token", query["access_token"]);
        var timestamp = query["timestamp"]!;
        Assert.InRange(DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(timestamp)), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
        var expected = Convert.ToBase64String(new HMACSHA256(Encoding.UTF8.GetBytes(DingSecret)).ComputeHash(Encoding.UTF8.GetBytes(timestamp + "\n" + DingSecret)));
        Assert.Equal(expected, query["sign"]);
    }

    [Fact]
    public async Task AdminsAddRobotsThroughTheApiOnlyOnTheRobotServicesOwnHosts()
    {
        var api = new Api(_app!.Client());
        var admin = await api.AsStaffAsync();
        var elsewhere = (await admin.PutAsync("/api/notification-channels/内网", new { kind = "wecom", url = "https://169.254.169.254/latest/meta-data" }))
            .AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("url", elsewhere.ErrorFields);
        var signedWeCom = (await admin.PutAsync("/api/notification-channels/x", new { kind = "wecom", url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", secret = "SEC1" }))
            .AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("secret", signedWeCom.ErrorFields);
        (await admin.PutAsync("/api/notification-channels/official", new { kind = "dingtalk", url = "https://oapi.dingtalk.com/robot/send?access_token=abc", secret = "SEC2", enabled = false }))
            .AssertStatus(HttpStatusCode.OK);
        (await admin.PutAsync("/api/notification-channels/值班群", new { kind = "wecom", url = $"http://127.0.0.1:{_robots.Port}/cgi-bin/webhook/send?key=duty" }))
            .AssertStatus(HttpStatusCode.OK);

        var list = (await admin.GetAsync("/api/notification-channels")).AssertStatus(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal(4, list.Count);
        var official = list.Single(c => c!["name"]!.GetValue<string>() == "official")!;
        Assert.Equal("https://oapi.dingtalk.com/robot/send?…", official["url"]!.GetValue<string>());
        Assert.True(official["hasSecret"]!.GetValue<bool>());
        Assert.DoesNotContain("SEC2", list.ToJsonString());

        (await admin.PostAsync("/api/staff", new { username = "disp-ch", displayName = "调度", role = "dispatcher", password = "dispatcher-pass-1" })).AssertStatus(HttpStatusCode.Created);
        var dispatcher = await api.AsStaffAsync("disp-ch", "dispatcher-pass-1");
        (await dispatcher.GetAsync("/api/notification-channels")).AssertProblem(HttpStatusCode.Forbidden);

        var s = await SetupAsync(admin);
        await PolicyAsync(admin, s.ProductLine, "00:00:01", "10:00:00", "10:00:00", []);
        var number = (await admin.GetAsync($"/api/tickets/{await OpenAsync(s)}")).Str("number");
        var duty = await EventuallyAsync(() => Task.FromResult(_robots.Received.Where(r => r.PathAndQuery.EndsWith("key=duty", StringComparison.Ordinal)
            && r.Body["text"]!["content"]!.GetValue<string>().Contains(number)).Select(r => r.Body["text"]!["content"]!.GetValue<string>()).ToList()),
            l => l.Any(t => t.Contains("已超出响应时限")) && l.Any(t => t.Contains("待人工派单")));
        Assert.Contains(duty, t => t.Contains("已超出响应时限"));
        Assert.Contains(duty, t => t.Contains("待人工派单"));
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/notification-channels/值班群"))).AssertStatus(HttpStatusCode.NoContent);
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/notification-channels/值班群"))).AssertProblem(HttpStatusCode.NotFound);
    }
}
