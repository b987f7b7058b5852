using System.Security.Claims;
using ServerlessService.Core.Common;

namespace ServerlessService.Api.Hosting;

/// <summary>The claim names our tokens carry and their mapping to the domain's Caller.</summary>
public static class CallerClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string CustomerId = "cid";
    public const string EngineerId = "eid";
    public const string TicketScope = "job";

    public static Caller ToCaller(this ClaimsPrincipal user) => new(
        user.FindFirstValue(Subject) ?? throw new InvalidOperationException("Signed-in principal has no subject."),
        user.FindFirstValue(Role) ?? "",
        user.FindFirstValue(CustomerId),
        user.FindFirstValue(EngineerId),
        user.FindFirstValue(TicketScope));
}

/// <summary>
/// The signed-in caller of the current request, made once from its token's claims and injected into endpoints as a
/// <see cref="Caller"/> parameter (a scoped service), instead of every endpoint rebuilding it.
/// </summary>
public sealed class SignedIn
{
    private ClaimsPrincipal? _user;
    private Caller? _caller;

    public Caller Caller => _caller ??= (_user ?? throw new InvalidOperationException("No request is being served.")).ToCaller();

    /// <summary>After authentication: the request's services learn who is calling.</summary>
    public static IApplicationBuilder UseSignedIn(IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.RequestServices.GetRequiredService<SignedIn>()._user = http.User;
        return next(http);
    });
}

