using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessService.Testing;

namespace ServerlessService.IntegrationTests;

/// <summary>A thin HTTP client for tests: JSON in, JSON (as JsonNode) out, bearer token per Api instance.</summary>
public sealed class Api(HttpClient http)
{
    public HttpClient Http => http;

    public Api As(string token)
    {
        var c = new HttpClient { BaseAddress = http.BaseAddress };
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Api(c);
    }

    /// <summary>The same caller asking for server messages in <paramref name="language"/> (Accept-Language), as the portal does.</summary>
    public Api InLanguage(string language)
    {
        var c = new HttpClient { BaseAddress = http.BaseAddress };
        c.DefaultRequestHeaders.Authorization = http.DefaultRequestHeaders.Authorization;
        c.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return new Api(c);
    }

    public async Task<Api> AsStaffAsync(string username = "admin", string password = RunningApp.AdminPassword)
    {
        var r = await PostAsync("/api/auth/login", new { username, password });
        Assert.Equal(HttpStatusCode.OK, r.Status);
        return As(r.Json!["token"]!.GetValue<string>());
    }

    /// <summary>Signs a phone in the way a person does: asks for a code, reads the SMS from the local channel, sends it back.</summary>
    public async Task<(Api Api, JsonNode SignIn)> AsPhoneAsync(string phone, string? role = null)
    {
        var admin = await AsStaffAsync();
        var sent = await PostAsync("/api/auth/otp", new { phone });
        Assert.Equal(HttpStatusCode.Accepted, sent.Status);
        var code = await admin.LatestCodeAsync(phone);
        var r = await PostAsync("/api/auth/otp/verify", new { phone, code, role });
        Assert.Equal(HttpStatusCode.OK, r.Status);
        return (As(r.Json!["token"]!.GetValue<string>()), r.Json!);
    }

    public async Task<string> LatestCodeAsync(string phone)
    {
        var inbox = await GetAsync("/api/dev/sms?to=" + Uri.EscapeDataString(phone));
        Assert.Equal(HttpStatusCode.OK, inbox.Status);
        var body = inbox.Json!.AsArray()[0]!["body"]!.GetValue<string>();
        return System.Text.RegularExpressions.Regex.Match(body, @"\d{6}").Value;
    }

    public Task<Reply> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
    public Task<Reply> PostAsync(string path, object body, string? idempotencyKey = null) => SendAsync(Json(HttpMethod.Post, path, body, idempotencyKey));
    public Task<Reply> PutAsync(string path, object body) => SendAsync(Json(HttpMethod.Put, path, body));

    public Task<Reply> PostRawAsync(string path, string body, string contentType = "application/json") =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) });

    public async Task<Reply> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && (response.Content.Headers.ContentType?.MediaType?.Contains("json") ?? false) ? JsonNode.Parse(text) : null;
        return new Reply(response.StatusCode, response.Content.Headers.ContentType?.MediaType, json, text, response.Headers);
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, object body, string? idempotencyKey = null)
    {
        var m = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web)) };
        if (idempotencyKey is not null) m.Headers.Add("Idempotency-Key", idempotencyKey);
        return m;
    }
}

public sealed record Reply(HttpStatusCode Status, string? MediaType, JsonNode? Json, string Text, HttpResponseHeaders Headers)
{
    public string Str(string property) => Json![property]!.GetValue<string>();

    /// <summary>The field errors of a problem+json reply.</summary>
    public IReadOnlyCollection<string> ErrorFields =>
        Json?["errors"]?.AsObject().Select(kv => kv.Key).ToList() ?? [];

    public Reply AssertProblem(HttpStatusCode status)
    {
        Assert.True(status == Status, $"Expected {(int)status} but got {(int)Status}: {Text}");
        Assert.Equal("application/problem+json", MediaType);
        return this;
    }

    public Reply AssertStatus(HttpStatusCode status)
    {
        Assert.True(status == Status, $"Expected {(int)status} but got {(int)Status}: {Text}");
        return this;
    }
}
