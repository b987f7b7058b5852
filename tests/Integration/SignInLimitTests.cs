using System.Net;
using System.Text;
using ServerlessService.Testing;

namespace ServerlessService.IntegrationTests;

/// <summary>
/// Sign-in limits: tight per account, phone and job-link code, loose per address with separate buckets for staff and
/// for phone and link sign-ins, so one office behind one address is not locked out by one person's mistakes.
/// Each test runs an app of its own with the limit it is about; the others stay lifted (RunningApp).
/// </summary>
public sealed class SignInLimitTests(AzuriteFixture azurite)
{
    private Task<RunningApp> StartAsync(params (string Key, string Value)[] settings) =>
        RunningApp.StartAsync(azurite.ConnectionString, RunningApp.NewPrefix(), settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    private static Task<Reply> LoginAsync(Api api, string username, string password = "wrong-password", string? forwardedFor = null, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = new StringContent($$"""{"username":"{{username}}","password":"{{password}}"}""", Encoding.UTF8, "application/json"),
        };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (language is not null) request.Headers.Add("Accept-Language", language);
        return api.SendAsync(request);
    }

    private static string NewUser() => "user-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task WrongPasswordsForOneUserNameAreLimitedWhileAnotherUserSignsInFromTheSameAddress()
    {
        await using var app = await StartAsync(("SignInLimitOptions:PerAccount:PermitLimit", "3"));
        var api = new Api(app.Client());
        var user = NewUser();
        for (var i = 0; i < 3; i++) (await LoginAsync(api, user)).AssertProblem(HttpStatusCode.Unauthorized);

        // The same account however it is typed: user names are not case-sensitive.
        (await LoginAsync(api, " " + user.ToUpperInvariant() + " ")).AssertProblem(HttpStatusCode.TooManyRequests);
        (await LoginAsync(api, "admin", RunningApp.AdminPassword)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AFloodOfSmsSignInsFromOneAddressBlocksNeitherStaffNorJobLinksFromIt()
    {
        await using var app = await StartAsync(("SignInLimitOptions:PerAddress:PermitLimit", "3"));
        var api = new Api(app.Client());
        for (var i = 0; i < 3; i++) (await api.PostAsync("/api/auth/otp", new { phone = Archive.NewPhone() })).AssertStatus(HttpStatusCode.Accepted);
        (await api.PostAsync("/api/auth/otp", new { phone = Archive.NewPhone() })).AssertProblem(HttpStatusCode.TooManyRequests);
        (await api.PostAsync("/api/auth/otp/verify", new { phone = Archive.NewPhone(), code = "123456" })).AssertProblem(HttpStatusCode.TooManyRequests);

        (await LoginAsync(api, "admin", RunningApp.AdminPassword)).AssertStatus(HttpStatusCode.OK);
        (await api.PostAsync("/api/engineer-links/AAAAAAAAAA", new { })).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OnePhoneIsLimitedAcrossCodeRequestsAndChecksWhileOtherPhonesGoOn()
    {
        await using var app = await StartAsync(("SignInLimitOptions:PerPhone:PermitLimit", "3"));
        var api = new Api(app.Client());
        var phone = Archive.NewPhone();
        (await api.PostAsync("/api/auth/otp", new { phone })).AssertStatus(HttpStatusCode.Accepted);
        (await api.PostAsync("/api/auth/otp/verify", new { phone, code = "000000" })).AssertProblem(HttpStatusCode.BadRequest);
        (await api.PostAsync("/api/auth/otp/verify", new { phone, code = "111111" })).AssertProblem(HttpStatusCode.BadRequest);

        // The same number written without the country code is the same phone.
        (await api.PostAsync("/api/auth/otp/verify", new { phone = phone[3..], code = "222222" })).AssertProblem(HttpStatusCode.TooManyRequests);
        (await api.PostAsync("/api/auth/otp", new { phone = Archive.NewPhone() })).AssertStatus(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task OneJobLinkCodeIsLimitedWhileOtherCodesAreStillChecked()
    {
        await using var app = await StartAsync(("SignInLimitOptions:PerLinkCode:PermitLimit", "3"));
        var api = new Api(app.Client());
        for (var i = 0; i < 3; i++) (await api.PostAsync("/api/engineer-links/AAAAAAAAAA", new { })).AssertProblem(HttpStatusCode.Unauthorized);

        var limited = (await api.PostAsync("/api/engineer-links/AAAAAAAAAA", new { })).AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(limited.Headers.RetryAfter!.ToString()) > 0);
        (await api.PostAsync("/api/engineer-links/BBBBBBBBBB", new { })).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheRefusalSaysHowLongToWaitInTheCallersLanguage()
    {
        await using var app = await StartAsync(("SignInLimitOptions:PerAccount:PermitLimit", "1"));
        var api = new Api(app.Client());
        var user = NewUser();
        (await LoginAsync(api, user)).AssertProblem(HttpStatusCode.Unauthorized);

        var zh = (await LoginAsync(api, user, language: "zh-CN,zh;q=0.9,en;q=0.8")).AssertProblem(HttpStatusCode.TooManyRequests);
        var seconds = int.Parse(zh.Headers.RetryAfter!.ToString());
        Assert.InRange(seconds, 1, 600);
        Assert.Equal(429, zh.Json!["status"]!.GetValue<int>());
        Assert.Contains("次数过多", zh.Str("title"));
        Assert.Contains($"{seconds} 秒", zh.Str("detail"));

        var en = (await LoginAsync(api, user, language: "en-GB")).AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.Contains("seconds", en.Str("detail"));
        var unknown = (await LoginAsync(api, user, language: "fr-FR")).AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.Contains("seconds", unknown.Str("detail"));
    }

    [Fact]
    public async Task ABodyThatCannotBeReadCountsAgainstTheAddressOnly()
    {
        await using var app = await StartAsync(("SignInLimitOptions:PerAccount:PermitLimit", "1"), ("SignInLimitOptions:PerAddress:PermitLimit", "3"));
        var api = new Api(app.Client());
        for (var i = 0; i < 3; i++) (await api.PostRawAsync("/api/auth/login", """{"username": "admin", "password": """)).AssertProblem(HttpStatusCode.BadRequest);

        (await api.PostRawAsync("/api/auth/login", "{")).AssertProblem(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task ASignInBodyTooLargeToReadForItsAccountIsRefused()
    {
        await using var app = await StartAsync(("SignInLimitOptions:PerAccount:PermitLimit", "1"));
        var api = new Api(app.Client());
        // Padding would otherwise hide the user name from the per-account limit while the endpoint still reads it.
        var padded = "{" + new string(' ', 5000) + $"\"username\":\"admin\",\"password\":\"{RunningApp.AdminPassword}\"}}";
        (await api.PostRawAsync("/api/auth/login", padded)).AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        (await LoginAsync(api, "admin", RunningApp.AdminPassword)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ForwardedAddressesAreIgnoredWithoutKnownProxies()
    {
        await using var app = await StartAsync(("SignInLimitOptions:PerAddress:PermitLimit", "2"));
        var api = new Api(app.Client());
        (await LoginAsync(api, NewUser(), forwardedFor: "203.0.113.1")).AssertProblem(HttpStatusCode.Unauthorized);
        (await LoginAsync(api, NewUser(), forwardedFor: "203.0.113.1")).AssertProblem(HttpStatusCode.Unauthorized);

        // Another "client" behind the header shares the bucket of the real address it came from.
        (await LoginAsync(api, NewUser(), forwardedFor: "203.0.113.2")).AssertProblem(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task ForwardedAddressesFromAKnownProxyEachGetTheirOwnLimit()
    {
        await using var app = await StartAsync(("SignInLimitOptions:PerAddress:PermitLimit", "2"), ("ProxyOptions:KnownProxies:0", "127.0.0.1"));
        var api = new Api(app.Client());
        (await LoginAsync(api, NewUser(), forwardedFor: "203.0.113.1")).AssertProblem(HttpStatusCode.Unauthorized);
        (await LoginAsync(api, NewUser(), forwardedFor: "203.0.113.1")).AssertProblem(HttpStatusCode.Unauthorized);
        (await LoginAsync(api, NewUser(), forwardedFor: "203.0.113.1")).AssertProblem(HttpStatusCode.TooManyRequests);

        (await LoginAsync(api, NewUser(), forwardedFor: "203.0.113.2")).AssertProblem(HttpStatusCode.Unauthorized);
    }
}
