using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ServerlessService.Core.Notifications;

/// <summary>A WeCom (企业微信) or DingTalk (钉钉) group robot: its webhook URL and, for DingTalk, the signing secret (SEC…).</summary>
public sealed class RobotWebhook
{
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Url { get; set; } = "";
    public string? Secret { get; set; }
}

/// <summary>Group robots told about SLA warnings, breaches and escalations (configured; managed by API with the dispatch issue).</summary>
public sealed class NotificationOptions
{
    public List<RobotWebhook> Robots { get; set; } = [];

    /// <summary>The language messages are written in: "zh-CN" or "en".</summary>
    public string Language { get; set; } = "zh-CN";

    public string EffectiveLanguage => MessageTemplates.Languages.Contains(Language) ? Language : "zh-CN";

    /// <summary>Lets /api/notification-channels accept loopback robot URLs (tests with a local listener); never in production.</summary>
    public bool AllowLoopbackRobots { get; set; }

    /// <summary>Robots with a usable configuration; a bad entry is reported at start-up, not at the first alert.</summary>
    public IReadOnlyList<RobotWebhook> Valid() => Robots.Where(r => RobotClient.Problem(r) is null).ToList();
}

/// <summary>
/// Posts text messages to group robots: {"msgtype":"text","text":{"content":…}} for both; DingTalk robots with a
/// secret are signed: timestamp (ms) and sign = Base64(HMAC-SHA256(key: secret, timestamp + "\n" + secret)) as
/// query parameters. A non-zero errcode in the answer is a failure, so the outbox retries it.
/// </summary>
public sealed class RobotClient(RobotChannels channels, TimeProvider clock)
{
    public const string WeCom = "wecom";
    public const string DingTalk = "dingtalk";
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(15) };

    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken ct) => (await channels.AllAsync(ct)).Select(r => r.Name).ToList();

    /// <summary>Why a robot's configuration is unusable, or null when it is fine.</summary>
    public static string? Problem(RobotWebhook r)
    {
        if (string.IsNullOrWhiteSpace(r.Name)) return "has no name.";
        if (r.Kind is not (WeCom or DingTalk)) return $"kind must be '{WeCom}' or '{DingTalk}'.";
        if (!Uri.TryCreate(r.Url, UriKind.Absolute, out var u)) return "url is not an absolute URL.";
        if (u.Scheme != Uri.UriSchemeHttps && !(u.Scheme == Uri.UriSchemeHttp && u.IsLoopback)) return "url must use https.";
        return null;
    }

    public async Task SendAsync(string robotName, string text, CancellationToken ct)
    {
        var robot = (await channels.AllAsync(ct)).FirstOrDefault(r => r.Name == robotName)
            ?? throw new InvalidOperationException($"No usable robot '{robotName}' is configured.");
        var body = new { msgtype = "text", text = new { content = text } };
        using var response = await Http.PostAsJsonAsync(SignedUrl(robot), body, ct);
        var answer = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"Robot '{robotName}' answered {(int)response.StatusCode}: {Trim(answer)}");
        using var json = JsonDocument.Parse(answer.Length == 0 ? "{}" : answer);
        if (json.RootElement.TryGetProperty("errcode", out var code) && code.GetInt32() != 0)
            throw new HttpRequestException($"Robot '{robotName}' refused the message: {Trim(answer)}");
    }

    private string SignedUrl(RobotWebhook r)
    {
        if (r.Kind != DingTalk || string.IsNullOrEmpty(r.Secret)) return r.Url;
        var timestamp = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sign = DingTalkSign(timestamp, r.Secret);
        return $"{r.Url}{(r.Url.Contains('?') ? '&' : '?')}timestamp={timestamp}&sign={Uri.EscapeDataString(sign)}";
    }

    public static string DingTalkSign(string timestamp, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "\n" + secret)));

    private static string Trim(string s) => s.Length <= 300 ? s : s[..300];
}
