using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessService.Core.Common;
using ServerlessService.Core.Identity;
using ServerlessService.Api.Hosting;

namespace ServerlessService.Api.Auth;

public sealed record LoginRequest(string? Username, string? Password);
public sealed record OtpRequest(string? Phone);
public sealed record OtpVerifyRequest(string? Phone, string? Code, string? Role);
public sealed record OtpSent(string SentTo, int ExpiresInSeconds);

/// <summary>Sign-in: anyone may call these; they are rate-limited per account or phone and per client address (SignInLimits).</summary>
public static class AuthFunctions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/auth").WithTags("Identity");
        g.MapPost("/login", Login).AllowAnonymous().RequireSignInLimit(SignInLimit.Account<LoginRequest>(b => b.Username));
        g.MapPost("/otp", RequestOtp).AllowAnonymous().RequireSignInLimit(SignInLimit.Phone<OtpRequest>(b => b.Phone));
        g.MapPost("/otp/verify", VerifyOtp).AllowAnonymous().RequireSignInLimit(SignInLimit.Phone<OtpVerifyRequest>(b => b.Phone));
        g.MapGet("/me", Me);
    }

    private static async Task<Results<Ok<SignIn>, ProblemHttpResult>> Login(LoginRequest body, StaffService staff, CancellationToken ct) =>
        await staff.LoginAsync(body.Username, body.Password, ct) is { } signIn
            ? TypedResults.Ok(signIn)
            : TypedResults.Problem(statusCode: 401, title: "Sign-in failed.", detail: "The user name or password is wrong.");

    private static async Task<Accepted<OtpSent>> RequestOtp(OtpRequest body, OtpService otp, Microsoft.Extensions.Options.IOptions<OtpOptions> o, CancellationToken ct)
    {
        var e164 = await otp.RequestAsync(body.Phone, ct);
        return TypedResults.Accepted((string?)null, new OtpSent(Phones.Mask(e164), (int)o.Value.CodeLifetime.TotalSeconds));
    }

    private static async Task<Ok<SignIn>> VerifyOtp(OtpVerifyRequest body, OtpService otp, CancellationToken ct) =>
        TypedResults.Ok(await otp.VerifyAsync(body.Phone, body.Code, body.Role, ct));

    private static Ok<Caller> Me(Caller caller) => TypedResults.Ok(caller);
}
