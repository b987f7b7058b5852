using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using ServerlessService.Core.Common;
using ServerlessService.Core.Identity;

namespace ServerlessService.Api.Hosting;

public static class Security
{
    public static void AddSecurity(this IServiceCollection services)
    {
        services.AddSingleton<SigningKey>();
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<SigningKey>((o, key) =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = AuthOptions.Issuer,
                ValidAudience = AuthOptions.Issuer,
                IssuerSigningKeyResolver = (_, _, _, _) => [key.Key],
                NameClaimType = CallerClaims.Subject,
                RoleClaimType = CallerClaims.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });
        services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            o.AddPermissionPolicies();
        });
    }
}
