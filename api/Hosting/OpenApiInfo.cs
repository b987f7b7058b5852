using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ServerlessService.Api.Hosting;

/// <summary>Title, description and the bearer scheme of the OpenAPI document, and an operationId on every operation.</summary>
public sealed class OpenApiInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new Microsoft.OpenApi.OpenApiInfo
        {
            Title = "ServerlessService API",
            Version = "v1",
            Description = "After-sales / field-service platform. Sign in at /api/auth/login (staff) or /api/auth/otp (customers, engineers) and send the token as 'Authorization: Bearer …'. Errors are RFC 9457 problem+json.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        OperationIds.Assign(document, context.DescriptionGroups.SelectMany(g => g.Items));
        return Task.CompletedTask;
    }
}
