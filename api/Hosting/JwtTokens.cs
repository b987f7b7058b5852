using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ServerlessService.Core.Common;
using ServerlessService.Core.Identity;

namespace ServerlessService.Api.Hosting;

/// <summary>The HMAC key tokens are signed with; loaded from storage at start so every instance agrees.</summary>
public sealed class SigningKey
{
    private SymmetricSecurityKey? _key;
    public SymmetricSecurityKey Key => _key ?? throw new InvalidOperationException("Signing key not loaded yet.");
    public void Load(byte[] bytes) => _key = new SymmetricSecurityKey(bytes) { KeyId = "storage-v1" };
}

public sealed class JwtTokenIssuer(SigningKey key, IOptions<AuthOptions> options, TimeProvider clock) : ITokenIssuer
{
    public SignIn Issue(Caller caller, DateTimeOffset? expiresAt = null)
    {
        var now = clock.GetUtcNow();
        var expires = now + (caller.IsStaff ? options.Value.StaffTokenLifetime : options.Value.PhoneTokenLifetime);
        if (expiresAt is { } limit && limit < expires) expires = limit;
        var claims = new List<Claim> { new(CallerClaims.Subject, caller.Subject), new(CallerClaims.Role, caller.Role) };
        if (caller.CustomerId is not null) claims.Add(new Claim(CallerClaims.CustomerId, caller.CustomerId));
        if (caller.EngineerId is not null) claims.Add(new Claim(CallerClaims.EngineerId, caller.EngineerId));
        if (caller.TicketScope is not null) claims.Add(new Claim(CallerClaims.TicketScope, caller.TicketScope));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.Issuer,
            Audience = AuthOptions.Issuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return new SignIn(token, expires, caller.Role, caller.Subject, caller.CustomerId, caller.EngineerId);
    }
}
