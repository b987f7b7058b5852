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
