using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServerlessService.Testing;

namespace ServerlessService.IntegrationTests;

public sealed class SignInTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task StaffSignInWithPasswordAndAWrongPasswordIsRefused()
    {
        var admin = await app.Api().AsStaffAsync();
        Assert.Equal("admin", (await admin.GetAsync("/api/auth/me")).Str("role"));
        (await app.Api().PostAsync("/api/auth/login", new { username = "admin", password = "wrong-password" })).AssertProblem(HttpStatusCode.Unauthorized);
        (await app.Api().PostAsync("/api/auth/login", new { username = "nobody", password = "wrong-password" })).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task UnknownPhoneBecomesASelfRegisteredCustomer()
    {
        var phone = Archive.NewPhone();
        var (me, signIn) = await app.Api().AsPhoneAsync(phone);
        Assert.Equal("customer", signIn["role"]!.ToString());
        var record = (await me.GetAsync("/api/customers/" + signIn["customerId"])).AssertStatus(HttpStatusCode.OK);
        Assert.True(record.Json!["selfRegistered"]!.GetValue<bool>());
        Assert.Equal(phone, record.Str("phone"));
    }

    [Fact]
    public async Task WrongCodesUseUpTheTriesAndThenEvenTheRightCodeIsRefused()
    {
        var api = app.Api();
        var admin = await api.AsStaffAsync();
        var phone = Archive.NewPhone();
        (await api.PostAsync("/api/auth/otp", new { phone })).AssertStatus(HttpStatusCode.Accepted);
        var code = await admin.LatestCodeAsync(phone);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
            Assert.Contains("code", (await api.PostAsync("/api/auth/otp/verify", new { phone, code = wrong })).AssertProblem(HttpStatusCode.BadRequest).ErrorFields);
        (await api.PostAsync("/api/auth/otp/verify", new { phone, code })).AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ACodeWorksOnceAndANewOneIsNotSentWithinAMinute()
    {
        var api = app.Api();
        var admin = await api.AsStaffAsync();
        var phone = Archive.NewPhone();
        await api.PostAsync("/api/auth/otp", new { phone });
        var code = await admin.LatestCodeAsync(phone);

        (await api.PostAsync("/api/auth/otp/verify", new { phone, code })).AssertStatus(HttpStatusCode.OK);
        (await api.PostAsync("/api/auth/otp/verify", new { phone, code })).AssertProblem(HttpStatusCode.BadRequest);
        var again = (await api.PostAsync("/api/auth/otp", new { phone })).AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(again.Headers.RetryAfter!.ToString()) > 0);
    }

    [Fact]
    public async Task InvalidPhonesAndNonEngineersAskingForEngineerTokensAreRefused()
    {
        var api = app.Api();
        Assert.Contains("phone", (await api.PostAsync("/api/auth/otp", new { phone = "12345" })).AssertProblem(HttpStatusCode.BadRequest).ErrorFields);
        var admin = await api.AsStaffAsync();
        var phone = Archive.NewPhone();
        await api.PostAsync("/api/auth/otp", new { phone });
        var code = await admin.LatestCodeAsync(phone);
        (await api.PostAsync("/api/auth/otp/verify", new { phone, code, role = "engineer" })).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OnlyAdminsReadTheLocalSmsInbox()
    {
        var (customer, _) = await app.Api().AsPhoneAsync(Archive.NewPhone());
        (await customer.GetAsync("/api/dev/sms?to=%2B8613800138000")).AssertProblem(HttpStatusCode.Forbidden);
        var dispatcher = await app.Api().AsStaffAsync();
        Assert.Contains("to", (await dispatcher.GetAsync("/api/dev/sms?to=nonsense")).AssertProblem(HttpStatusCode.BadRequest).ErrorFields);
    }

    [Fact]
    public async Task ACodeExpiresAfterFiveMinutes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var timed = await RunningApp.StartAsync(app.ConnectionString, RunningApp.NewPrefix(), services: s => s.AddSingleton<TimeProvider>(clock));
        var api = new Api(timed.Client());
        var admin = await api.AsStaffAsync();
        var phone = Archive.NewPhone();
        await api.PostAsync("/api/auth/otp", new { phone });
        var code = await admin.LatestCodeAsync(phone);

        clock.Advance(TimeSpan.FromMinutes(6));

        var refused = (await api.PostAsync("/api/auth/otp/verify", new { phone, code })).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("expired", refused.Text);
    }

    [Fact]
    public async Task OneClientAddressIsLimitedAcrossPhones()
    {
        await using var limited = await RunningApp.StartAsync(app.ConnectionString, RunningApp.NewPrefix(),
            new Dictionary<string, string?> { ["SignInLimitOptions:PerAddress:PermitLimit"] = "3" });
        var api = new Api(limited.Client());
        for (var i = 0; i < 3; i++) (await api.PostAsync("/api/auth/otp", new { phone = Archive.NewPhone() })).AssertStatus(HttpStatusCode.Accepted);

        (await api.PostAsync("/api/auth/otp", new { phone = Archive.NewPhone() })).AssertProblem(HttpStatusCode.TooManyRequests);
    }
}
