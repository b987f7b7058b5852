using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Sms;

/// <summary>ACS_CONNECTION_STRING (endpoint=…;accesskey=…) and ACS_FROM (the sender number in E.164) turn the ACS channel on.</summary>
public sealed class AcsOptions
{
    public string? ConnectionString { get; set; }
    public string? From { get; set; }

    public bool Configured => !string.IsNullOrWhiteSpace(ConnectionString) && !string.IsNullOrWhiteSpace(From);
}

/// <summary>An SMS the service refused for good (bad number, blocked content): retrying will not help.</summary>
public sealed class SmsRejectedException(string message) : Exception(message);

/// <summary>
/// Sends SMS through the Azure Communication Services REST API (POST {endpoint}/sms?api-version=2021-03-07),
/// signed with the access key. One recipient per request so each message has its own result; 429 and 5xx are
/// retried (honouring Retry-After) a few times before the caller's own retry takes over. The idempotency key
/// becomes the recipient's repeatabilityRequestId, so ACS itself drops a repeat.
/// </summary>
public sealed class AcsSmsChannel(IOptions<AcsOptions> options, TimeProvider clock, ILogger<AcsSmsChannel> log) : ISmsChannel
{
    public const string ApiVersion = "2021-03-07";
    private const int Attempts = 3;
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(20) };
    private readonly AcsConnection _acs = AcsConnection.TryParse(options.Value.ConnectionString, out var c) ? c
        : throw new InvalidOperationException("ACS_CONNECTION_STRING must be 'endpoint=https://…;accesskey=<base64>'.");
    private readonly string _from = Phones.TryNormalize(options.Value.From ?? "", out var from) ? from
        : throw new InvalidOperationException("ACS_FROM must be a phone number in E.164 that the ACS resource owns.");

    public string Name => "acs";

    public async Task<string> SendAsync(string toE164, string body, CancellationToken ct, string? idempotencyKey = null)
    {
        var recipient = new Dictionary<string, string> { ["to"] = toE164 };
        if (idempotencyKey is not null)
        {
            recipient["repeatabilityRequestId"] = RequestId(idempotencyKey).ToString();
            recipient["repeatabilityFirstSent"] = clock.GetUtcNow().ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        }
        var payload = JsonSerializer.SerializeToUtf8Bytes(new { from = _from, smsRecipients = new[] { recipient }, message = body }, JsonRows.Json);
        for (var attempt = 1; ; attempt++)
        {
            using var response = await Http.SendAsync(Request(payload), ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var (retry, result) = Outcome(response, text);
            if (result is not null) return result;
            if (!retry || attempt == Attempts) throw new HttpRequestException($"ACS SMS to {Phones.Mask(toE164)} failed: {(int)response.StatusCode} {Trim(text)}");
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(attempt);
            log.LogWarning("ACS answered {Status}; retrying in {Wait}.", (int)response.StatusCode, wait);
            await Task.Delay(wait < TimeSpan.FromSeconds(10) ? wait : TimeSpan.FromSeconds(10), ct);
        }
    }

    private HttpRequestMessage Request(byte[] payload)
    {
        var path = $"/sms?api-version={ApiVersion}";
        var uri = new Uri(_acs.Endpoint, path);
        var signed = AcsSigner.Sign("POST", uri.PathAndQuery, uri.Authority, clock.GetUtcNow(), payload, _acs.AccessKey);
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("x-ms-date", signed.Date);
        request.Headers.TryAddWithoutValidation("x-ms-content-sha256", signed.ContentHash);
        request.Headers.TryAddWithoutValidation("Authorization", signed.Authorization);
        return request;
    }

    /// <summary>The message id when the recipient's message was accepted; otherwise whether trying again may help.</summary>
    private static (bool Retry, string? MessageId) Outcome(HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        if (status == 429 || status >= 500) return (true, null);
        if (response.StatusCode != HttpStatusCode.Accepted) throw new SmsRejectedException($"ACS refused the request: {status} {Trim(text)}");
        using var json = JsonDocument.Parse(text);
        var item = json.RootElement.GetProperty("value")[0];
        if (item.TryGetProperty("successful", out var ok) && ok.GetBoolean())
            return (false, item.TryGetProperty("messageId", out var id) ? id.GetString() ?? "" : "");
        var code = item.TryGetProperty("httpStatusCode", out var c) ? c.GetInt32() : 0;
        if (code == 429 || code >= 500) return (true, null);
        throw new SmsRejectedException($"ACS did not accept the message: {code} {(item.TryGetProperty("errorMessage", out var e) ? e.GetString() : "")}");
    }

    /// <summary>A stable GUID per idempotency key, so a retry of the same message carries the same request id.</summary>
    private static Guid RequestId(string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));

    private static string Trim(string s) => s.Length <= 300 ? s : s[..300];
}
