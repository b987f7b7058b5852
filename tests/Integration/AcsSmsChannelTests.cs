using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ServerlessService.Testing;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>A local stand-in for the ACS SMS endpoint: checks nothing itself, records each request, answers 503 first when asked to.</summary>
public sealed class FakeAcs : IDisposable
{
    private readonly HttpListener _listener = new();
    private int _failuresLeft;

    public FakeAcs(int failFirst = 0)
    {
        _failuresLeft = failFirst;
        Port = Azurite.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    public int Port { get; }
    public string ConnectionString => $"endpoint=http://127.0.0.1:{Port}/;accesskey={Convert.ToBase64String(Key)}";
    public ConcurrentQueue<(string PathAndQuery, Dictionary<string, string> Headers, byte[] Body)> Requests { get; } = new();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext c;
            try { c = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var buffer = new MemoryStream();
            await c.Request.InputStream.CopyToAsync(buffer);
            var headers = c.Request.Headers.AllKeys.ToDictionary(k => k!.ToLowerInvariant(), k => c.Request.Headers[k]!);
            Requests.Enqueue((c.Request.Url!.PathAndQuery, headers, buffer.ToArray()));
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                c.Response.StatusCode = 503;
                c.Response.Close();
                continue;
            }
            var to = JsonNode.Parse(buffer.ToArray())!["smsRecipients"]![0]!["to"]!.GetValue<string>();
            var answer = Encoding.UTF8.GetBytes($"{{\"value\":[{{\"to\":\"{to}\",\"messageId\":\"Outgoing_{Guid.NewGuid():N}\",\"httpStatusCode\":202,\"successful\":true}}]}}");
            c.Response.StatusCode = 202;
            c.Response.ContentType = "application/json";
            await c.Response.OutputStream.WriteAsync(answer);
            c.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}

/// <summary>With ACS_CONNECTION_STRING and ACS_FROM set, SMS go to ACS signed as documented, and the local channel is gone.</summary>
public sealed class AcsSmsChannelTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string From = "+8613800138000";
    private readonly FakeAcs _acs = new(failFirst: 1);
    private RunningApp? _app;

    public async ValueTask InitializeAsync()
    {
        var settings = FastSettings();
        settings["AcsOptions:ConnectionString"] = _acs.ConnectionString;
        settings["AcsOptions:From"] = From;
        _app = await RunningApp.StartAsync(azurite.ConnectionString, RunningApp.NewPrefix(), settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _acs.Dispose();
    }

    [Fact]
    public async Task ASignInCodeGoesOutThroughAcsSignedAndRetriedAfterA503()
    {
        var api = new Api(_app!.Client());
        var phone = Archive.NewPhone();

        (await api.PostAsync("/api/auth/otp", new { phone })).AssertStatus(HttpStatusCode.Accepted);

        var requests = _acs.Requests.ToList();
        Assert.Equal(2, requests.Count);
        var (path, headers, body) = requests[1];
        Assert.Equal("/sms?api-version=2021-03-07", path);
        AssertSignedAsDocumented(path, headers, body);
        var json = JsonNode.Parse(body)!;
        Assert.Equal(From, json["from"]!.GetValue<string>());
        Assert.Equal(phone, json["smsRecipients"]![0]!["to"]!.GetValue<string>());
        var code = System.Text.RegularExpressions.Regex.Match(json["message"]!.GetValue<string>(), @"\d{6}").Value;
        (await api.PostAsync("/api/auth/otp/verify", new { phone, code })).AssertStatus(HttpStatusCode.OK);

        var admin = await api.AsStaffAsync();
        (await admin.GetAsync("/api/dev/sms?to=" + Uri.EscapeDataString(phone))).AssertStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SlaMessagesCarryARepeatabilityIdSoAcsDropsRepeats()
    {
        var staff = await new Api(_app!.Client()).AsStaffAsync();
        var s = await SetupAsync(staff);
        await PolicyAsync(staff, s.ProductLine, "00:00:01", "10:00:00", "10:00:00", []);
        await OpenAsync(s);

        var sla = await EventuallyAsync(() => Task.FromResult(_acs.Requests.Where(r => JsonNode.Parse(r.Body)!["smsRecipients"]![0]!["to"]!.GetValue<string>() == SupervisorPhone).ToList()),
            l => l.Count > 0);

        var recipient = JsonNode.Parse(sla[^1].Body)!["smsRecipients"]![0]!;
        Assert.True(Guid.TryParse(recipient["repeatabilityRequestId"]!.GetValue<string>(), out _));
        Assert.True(DateTimeOffset.TryParse(recipient["repeatabilityFirstSent"]!.GetValue<string>(), out _));
        AssertSignedAsDocumented(sla[^1].PathAndQuery, sla[^1].Headers, sla[^1].Body);
    }

    /// <summary>Recomputes the ACS HMAC from the request as received, the way the service checks it.</summary>
    private void AssertSignedAsDocumented(string path, Dictionary<string, string> headers, byte[] body)
    {
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(body)), headers["x-ms-content-sha256"]);
        var toSign = $"POST\n{path}\n{headers["x-ms-date"]};127.0.0.1:{_acs.Port};{headers["x-ms-content-sha256"]}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(FakeAcs.Key, Encoding.UTF8.GetBytes(toSign)));
        Assert.Equal($"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}", headers["authorization"]);
        Assert.InRange(DateTimeOffset.Parse(headers["x-ms-date"]), DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
    }
}
