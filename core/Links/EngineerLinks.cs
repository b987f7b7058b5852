using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ServerlessService.Core.Common;
using ServerlessService.Core.Identity;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Core.Links;

public sealed class EngineerLinkOptions
{
    /// <summary>How long a job link sent by SMS works.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(72);
}

/// <summary>A job link (…/e/{code}) sent to an engineer: it opens one ticket for one engineer until it expires or is revoked.</summary>
public sealed record EngineerLink(string Code, string EngineerId, string TicketId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool Revoked);

/// <summary>
/// Job links, stored with an index by ticket to revoke a ticket's links on reassignment (<see cref="IEngineerLinkStore"/>).
/// A code is 10 base62 characters (about 59 bits) derived from the outbox item that sends it and a stored server key,
/// so a retried send makes the same link, and nobody can guess one.
/// </summary>
public sealed class EngineerLinkService(IEngineerLinkStore store, Secrets secrets, ITicketStore tickets, ITokenIssuer tokens,
    IOptions<EngineerLinkOptions> options, TimeProvider clock)
{
    public const int CodeLength = 10;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public async Task<EngineerLink> CreateAsync(string engineerId, string ticketId, string seed, CancellationToken ct)
    {
        var code = Code(await secrets.GetOrCreateAsync("link-key", 32, ct), seed);
        var now = clock.GetUtcNow();
        return await store.AddOrGetAsync(new EngineerLink(code, engineerId, ticketId, now, now + options.Value.Lifetime, false), ct);
    }

    /// <summary>Revokes every link of the ticket that was sent to this engineer.</summary>
    public async Task RevokeAsync(string ticketId, string engineerId, CancellationToken ct)
    {
        foreach (var link in await store.ListAsync(ticketId, engineerId, ct))
            if (!link.Revoked) await store.ReplaceAsync(link with { Revoked = true }, ct);
    }

    /// <summary>Exchanges a link for a token scoped to its engineer and ticket; a wrong, expired or revoked link is a 401.</summary>
    public async Task<(SignIn SignIn, string TicketId)> ExchangeAsync(string code, CancellationToken ct)
    {
        if (code.Length != CodeLength || !code.All(Alphabet.Contains)) throw new UnauthorizedException("This job link is not valid. Ask the dispatcher to send it again.");
        var link = await store.GetIfExistsAsync(code, ct) ?? throw new UnauthorizedException("This job link is not valid. Ask the dispatcher to send it again.");
        if (link.Revoked) throw new UnauthorizedException("This job link was withdrawn: the job has been given to someone else.");
        if (clock.GetUtcNow() >= link.ExpiresAt) throw new UnauthorizedException("This job link has expired. Ask the dispatcher to send it again.");
        var ticket = await tickets.GetIfExistsAsync(link.TicketId, ct);
        if (ticket?.Value.AssignedEngineerId != link.EngineerId) throw new UnauthorizedException("This job link was withdrawn: the job has been given to someone else.");
        var caller = new Caller(link.EngineerId, Roles.Engineer, EngineerId: link.EngineerId, TicketScope: link.TicketId);
        return (tokens.Issue(caller, link.ExpiresAt), link.TicketId);
    }

    private static string Code(byte[] key, string seed)
    {
        var bytes = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(seed));
        var n = new System.Numerics.BigInteger(bytes, isUnsigned: true);
        var sb = new StringBuilder(CodeLength);
        for (var i = 0; i < CodeLength; i++)
        {
            sb.Append(Alphabet[(int)(n % Alphabet.Length)]);
            n /= Alphabet.Length;
        }
        return sb.ToString();
    }
}
