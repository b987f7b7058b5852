using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;
using ServerlessService.Core;
using ServerlessService.Core.Common;
using ServerlessService.Core.Identity;
using ServerlessService.Core.Links;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Photos;
using ServerlessService.Core.Sms;
using ServerlessService.Core.Storage;
using ServerlessService.Orchestrations;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.Api.Hosting;

/// <summary>
/// The HTTP API both hosts serve: its services, its middleware and its one route table. The local host runs it on
/// Kestrel; the Azure Functions app runs the same pipeline behind one catch-all HTTP trigger.
/// </summary>
public static class ApiApp
{
    public const long JsonBodyLimit = 1024 * 1024;

    /// <summary>Options, domain services, security, problem details, JSON and OpenAPI. The host adds the engine and its client.</summary>
    public static void AddApi(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(nameof(StorageOptions));
        services.AddOptions<ServiceOptions>().BindConfiguration(nameof(ServiceOptions));
        services.AddOptions<OtpOptions>().BindConfiguration(nameof(OtpOptions));
        services.AddOptions<PhotoOptions>().BindConfiguration(nameof(PhotoOptions));
        services.AddOptions<AuthOptions>().BindConfiguration(nameof(AuthOptions));
        services.AddOptions<DemoOptions>().BindConfiguration(nameof(DemoOptions));
        services.AddOptions<LifecycleOptions>().BindConfiguration(nameof(LifecycleOptions));
        services.AddOptions<NotificationOptions>().BindConfiguration(nameof(NotificationOptions));
        services.AddOptions<AcsOptions>().BindConfiguration(nameof(AcsOptions));
        services.AddOptions<EngineerLinkOptions>().BindConfiguration(nameof(EngineerLinkOptions));
        // With ACS configured, SMS really go out and the local channel (and /api/dev/sms) is off.
        if (config.GetSection(nameof(AcsOptions)).Get<AcsOptions>() is { Configured: true })
            services.AddSingleton<ISmsChannel, AcsSmsChannel>();
        services.AddServerlessServiceCore();
        services.AddServerlessServiceOrchestrations();
        services.AddSingleton<StartupTasks>();
        services.AddScoped<SignedIn>();
        services.AddScoped(sp => sp.GetRequiredService<SignedIn>().Caller);
        services.AddRouting();
        services.AddSecurity();
        services.AddSignInLimits();
        services.AddProxies();
        services.AddLanguages();
        // Every problem — mapped domain errors, framework ones, TypedResults.Problem — speaks the caller's language.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => Resources.ServerText.Localize(c.HttpContext, c.ProblemDetails));
        services.AddExceptionHandler<ProblemMapping>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Numbers are numbers: "5" for a score is a wrong type (400), and the OpenAPI document says plain integer.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiInfo>());
    }

    /// <summary>
    /// The client address (from known proxies only), the caller's language, errors as problem+json, then routing,
    /// sign-in, the job-link scope, authorization, what each sign-in is for, rate limits and the routes.
    /// <paramref name="beforeRouting"/> lets the local host serve the portal's files first.
    /// </summary>
    public static void UseApi(this IApplicationBuilder app, Action<IEndpointRouteBuilder>? hostRoutes = null, Action<IApplicationBuilder>? beforeRouting = null)
    {
        app.UseForwardedHeaders();
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        beforeRouting?.Invoke(app);
        app.UseRouting();
        app.UseAuthentication();
        SignedIn.UseSignedIn(app);
        app.UseJobScope();
        app.UseAuthorization();
        app.UseSignInSubjects();
        app.UseRateLimiter();
        app.UseEndpoints(routes =>
        {
            MapApi(routes);
            hostRoutes?.Invoke(routes);
        });
    }

    /// <summary>The one route table: the OpenAPI document, its reference page and every endpoint group.</summary>
    public static void MapApi(IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi("/api/openapi.json").AllowAnonymous();
        routes.MapScalarApiReference("/api/docs", o => o.WithTitle("ServerlessService API").WithOpenApiRoutePattern("/api/openapi.json")).AllowAnonymous();
        Endpoints.Map(routes, localSms: routes.ServiceProvider.GetRequiredService<ISmsChannel>() is LocalSmsChannel);
    }

    /// <summary>The documented environment variables, mapped onto the options sections (both hosts).</summary>
    public static void MapEnvironment(IConfigurationManager config)
    {
        var env = new Dictionary<string, string?>();
        void Map(string variable, string key)
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrEmpty(value)) env[key] = value;
        }
        Map("AzureWebJobsStorage", "StorageOptions:ConnectionString");
        Map("STORAGE_CONNECTION_STRING", "StorageOptions:ConnectionString");
        Map("ADMIN_PASSWORD", "AuthOptions:AdminPassword");
        Map("PUBLIC_BASE_URL", "ServiceOptions:PublicBaseUrl");
        Map("ACS_CONNECTION_STRING", "AcsOptions:ConnectionString");
        Map("ACS_FROM", "AcsOptions:From");
        if (config["StorageOptions:ConnectionString"] is { Length: > 0 }) env.Remove("StorageOptions:ConnectionString");
        config.AddInMemoryCollection(env);
    }
}
