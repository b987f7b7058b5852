using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessService.Core.Links;

namespace ServerlessService.Api.Links;

/// <summary>Job links: an engineer's phone exchanges the code from the SMS for a token good for that one job.</summary>
public static class EngineerLinkFunctions
{
    public sealed record LinkSignIn(string Token, string TicketId, DateTimeOffset ExpiresAt);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/engineer-links/{code}", Exchange).WithTags("Auth").AllowAnonymous().RequireSignInLimit(SignInLimit.LinkCode("code"));

    /// <summary>401 with a plain explanation when the link is unknown, expired or withdrawn.</summary>
    private static async Task<Ok<LinkSignIn>> Exchange(string code, EngineerLinkService links, CancellationToken ct)
    {
        var (signIn, ticketId) = await links.ExchangeAsync(code, ct);
        return TypedResults.Ok(new LinkSignIn(signIn.Token, ticketId, signIn.ExpiresAt));
    }
}
