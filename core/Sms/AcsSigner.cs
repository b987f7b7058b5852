using System.Security.Cryptography;
using System.Text;

namespace ServerlessService.Core.Sms;

/// <summary>The endpoint and access key of an Azure Communication Services resource, from "endpoint=…;accesskey=…".</summary>
public sealed record AcsConnection(Uri Endpoint, byte[] AccessKey)
{
    public static bool TryParse(string? connectionString, out AcsConnection connection)
    {
        connection = null!;
        if (string.IsNullOrWhiteSpace(connectionString)) return false;
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].ToLowerInvariant(), p => p[1]);
        if (!parts.TryGetValue("endpoint", out var e) || !Uri.TryCreate(e, UriKind.Absolute, out var endpoint)) return false;
        if (endpoint.Scheme != Uri.UriSchemeHttps && !(endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback)) return false;
        if (!parts.TryGetValue("accesskey", out var k)) return false;
        try { connection = new AcsConnection(endpoint, Convert.FromBase64String(k)); }
        catch (FormatException) { return false; }
        return true;
    }
}

/// <summary>
/// ACS access-key request signing (HMAC-SHA256): the string to sign is
/// "{METHOD}\n{path and query}\n{x-ms-date};{host};{x-ms-content-sha256}", signed with the base64-decoded key;
/// the request carries x-ms-date, x-ms-content-sha256 and
/// "Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&amp;Signature={signature}".
/// </summary>
public static class AcsSigner
{
    public sealed record Signed(string Date, string ContentHash, string Authorization);

    public static Signed Sign(string method, string pathAndQuery, string host, DateTimeOffset at, byte[] body, byte[] accessKey)
    {
        var date = at.ToUniversalTime().ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        var toSign = $"{method.ToUpperInvariant()}\n{pathAndQuery}\n{date};{host};{contentHash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(accessKey, Encoding.UTF8.GetBytes(toSign)));
        return new Signed(date, contentHash, $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}");
    }
}
