using System.Buffers;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServerlessService.Api.Resources;
using ServerlessService.Core.Common;

namespace ServerlessService.Api.Hosting;

/// <summary>
/// How often sign-in may be tried (README.md, "SignInLimitOptions"): tightly per account, phone and job-link code,
/// loosely per client address, where each address has a bucket per door so customers' traffic never locks staff out.
/// </summary>
public sealed class SignInLimitOptions
{
    /// <summary>Per client address and door (staff, phone, job link): an office behind one NAT address shares it.</summary>
    public RateLimit PerAddress { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(10) };
    /// <summary>Staff sign-ins per user name.</summary>
    public RateLimit PerAccount { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(10) };
    /// <summary>Code requests and code checks together, per phone number.</summary>
    public RateLimit PerPhone { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(10) };
    /// <summary>Exchanges per job-link code.</summary>
    public RateLimit PerLinkCode { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(10) };

    internal IEnumerable<(string Name, RateLimit Limit)> All() =>
        [(nameof(PerAddress), PerAddress), (nameof(PerAccount), PerAccount), (nameof(PerPhone), PerPhone), (nameof(PerLinkCode), PerLinkCode)];
}

/// <summary>
/// <see cref="PermitLimit"/> tries at once, then they come back evenly over <see cref="Window"/> (a token bucket):
/// 10 per 10 minutes is 10 in a row, then one a minute.
/// </summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }

    internal TokenBucketRateLimiterOptions Bucket() => new()
    {
        TokenLimit = PermitLimit,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = Window / PermitLimit,
        QueueLimit = 0,
    };
}

/// <summary>The doors people sign in through; each has its own bucket per address.</summary>
public enum SignInDoor { Staff, Phone, JobLink }

/// <summary>
/// Endpoint metadata: the door, and what a request is an attempt on (account, phone, link code), found before the
/// endpoint runs. A subject that cannot be found leaves the request to the address limit alone.
/// </summary>
public sealed class SignInLimit
{
    /// <summary>Sign-in bodies are small; one larger than this is not read for its subject and is refused (413).</summary>
    public const int BodyLimit = 4 * 1024;
    private const int MaxSubjectLength = 128;

    private readonly Func<HttpContext, Task<string?>> _subject;

    private SignInLimit(SignInDoor door, Func<HttpContext, Task<string?>> subject)
    {
        Door = door;
        _subject = subject;
    }

    public SignInDoor Door { get; }

    /// <summary>A staff sign-in, limited per user name as <see cref="Core.Identity.StaffService"/> reads it (trimmed, any case).</summary>
    public static SignInLimit Account<TBody>(Func<TBody, string?> username) =>
        new(SignInDoor.Staff, async http => await BodyAsync<TBody>(http) is { } b ? username(b)?.Trim().ToLowerInvariant() : null);

    /// <summary>A phone sign-in, limited per number however it is written (E.164 when it is valid).</summary>
    public static SignInLimit Phone<TBody>(Func<TBody, string?> phone) =>
        new(SignInDoor.Phone, async http => await BodyAsync<TBody>(http) is { } b && phone(b) is { } p
            ? Phones.TryNormalize(p, out var e164) ? e164 : p.Trim()
            : null);

    /// <summary>A job-link exchange, limited per code (a route value).</summary>
    public static SignInLimit LinkCode(string routeValue) =>
        new(SignInDoor.JobLink, http => Task.FromResult(http.Request.RouteValues[routeValue] as string));

    internal async Task<string?> SubjectAsync(HttpContext http) =>
        await _subject(http) is { Length: > 0 } s ? s[..Math.Min(s.Length, MaxSubjectLength)] : null;

    /// <summary>
    /// The JSON body as the endpoint will bind it (same serializer options), read through a buffer so the endpoint
    /// reads it again; null when it is missing, too large or not readable.
    /// </summary>
    private static async Task<TBody?> BodyAsync<TBody>(HttpContext http)
    {
        var request = http.Request;
        if (!request.HasJsonContentType() || request.ContentLength is > BodyLimit) return default;
        var buffer = ArrayPool<byte>.Shared.Rent(BodyLimit + 1);
        try
        {
            request.EnableBuffering();
            var read = 0;
            while (read <= BodyLimit)
            {
                var n = await request.Body.ReadAsync(buffer.AsMemory(read, BodyLimit + 1 - read), http.RequestAborted);
                if (n == 0) break;
                read += n;
            }
            request.Body.Position = 0;
            if (read > BodyLimit) return default;
            var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            return JsonSerializer.Deserialize<TBody>(buffer.AsSpan(0, read), json);
        }
        catch (Exception e) when (e is JsonException or BadHttpRequestException or IOException or NotSupportedException)
        {
            // The endpoint then meets the same problem from the start of the body (413, 400, an aborted request).
            if (request.Body.CanSeek) request.Body.Position = 0;
            return default;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>What the limiters partition on, found by <see cref="SignInLimits.UseSignInSubjects"/> for this request.</summary>
internal sealed record SignInAttempt(SignInDoor Door, string? Subject);

public static class SignInLimits
{
    /// <summary>Marks the endpoint as a sign-in door; <see cref="SignInLimitOptions"/> apply to it.</summary>
    public static RouteHandlerBuilder RequireSignInLimit(this RouteHandlerBuilder endpoint, SignInLimit limit) => endpoint.WithMetadata(limit);

    public static void AddSignInLimits(this IServiceCollection services)
    {
        services.AddOptions<SignInLimitOptions>().BindConfiguration(nameof(SignInLimitOptions))
            .Validate(o => o.All().All(l => l.Limit.PermitLimit >= 1 && l.Limit.Window > TimeSpan.Zero),
                "SignInLimitOptions: every PermitLimit must be at least 1 and every Window longer than zero.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SignInLimitOptions>>((o, limits) =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Every try counts against the address first (a refused one too); then against its subject.
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => http.Features.Get<SignInAttempt>() is { } a
                    ? RateLimitPartition.GetTokenBucketLimiter($"{a.Door}|{http.Connection.RemoteIpAddress}", _ => limits.Value.PerAddress.Bucket())
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(http => http.Features.Get<SignInAttempt>() is { Subject: { } s } a
                    ? RateLimitPartition.GetTokenBucketLimiter($"{a.Door}|{s}", _ => For(limits.Value, a.Door).Bucket())
                    : RateLimitPartition.GetNoLimiter("")));
            o.OnRejected = RejectAsync;
        });
    }

    /// <summary>After routing (the endpoint says which door it is), before the rate limiter: finds each sign-in's subject.</summary>
    public static void UseSignInSubjects(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<SignInLimit>() is { } limit)
        {
            // Bigger bodies are not read for a subject, so the endpoint may not read them either.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = SignInLimit.BodyLimit;
            http.Features.Set(new SignInAttempt(limit.Door, await limit.SubjectAsync(http)));
        }
        await next(http);
    });

    private static RateLimit For(SignInLimitOptions o, SignInDoor door) => door switch
    {
        SignInDoor.Staff => o.PerAccount,
        SignInDoor.Phone => o.PerPhone,
        _ => o.PerLinkCode,
    };

    /// <summary>429 with Retry-After and a problem in the caller's language (Accept-Language).</summary>
    private static async ValueTask RejectAsync(OnRejectedContext ctx, CancellationToken ct)
    {
        var http = ctx.HttpContext;
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<Messages>>();
        var seconds = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : (int?)null;
        if (seconds is not null) http.Response.Headers.RetryAfter = seconds.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = text[Messages.TooManySignInAttemptsTitle],
                Detail = seconds is { } s ? text[Messages.TooManySignInAttemptsWait, s] : text[Messages.TooManySignInAttempts],
            },
        };
        if (seconds is not null) problem.ProblemDetails.Extensions["retryAfterSeconds"] = seconds;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(problem);
    }
}
