using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
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
using ServerlessService.Orchestrations.Tickets;
using ServerlessService.Functions.Engine;
using Microsoft.DurableTask.Client;

namespace ServerlessService.Functions.Hosting;

/// <summary>Builds the function app: the same ASP.NET Core app serves HTTP locally and as an Azure Functions custom handler.</summary>
public static class FunctionApp
{
    public const long JsonBodyLimit = 1024 * 1024;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        MapEnvironment(builder.Configuration);
        ListenOnFunctionsPort(builder);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = JsonBodyLimit);
        configure?.Invoke(builder);

        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(nameof(StorageOptions));
        services.AddOptions<ServiceOptions>().BindConfiguration(nameof(ServiceOptions));
        services.AddOptions<OtpOptions>().BindConfiguration(nameof(OtpOptions));
        services.AddOptions<PhotoOptions>().BindConfiguration(nameof(PhotoOptions));
        services.AddOptions<AuthOptions>().BindConfiguration(nameof(AuthOptions));
        services.AddOptions<DemoOptions>().BindConfiguration(nameof(DemoOptions));
        services.AddOptions<EngineOptions>().BindConfiguration(nameof(EngineOptions));
        services.AddOptions<LifecycleOptions>().BindConfiguration(nameof(LifecycleOptions));
        services.AddOptions<NotificationOptions>().BindConfiguration(nameof(NotificationOptions));
        services.AddOptions<AcsOptions>().BindConfiguration(nameof(AcsOptions));
        services.AddOptions<EngineerLinkOptions>().BindConfiguration(nameof(EngineerLinkOptions));
        // With ACS configured, SMS really go out and the local channel (and /api/dev/sms) is off.
        if (builder.Configuration.GetSection(nameof(AcsOptions)).Get<AcsOptions>() is { Configured: true })
            services.AddSingleton<ISmsChannel, AcsSmsChannel>();
        services.AddServerlessServiceCore();
        services.AddServerlessServiceOrchestrations();
        // The Durable Task engine runs the ticket orchestrations in this process; the app talks to it through its client.
        services.AddSingleton<LocalEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<LocalEngine>());
        services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<LocalEngine>().Client);
        services.AddSingleton<TicketOperations>();
        services.AddSingleton<StartupTasks>();
        services.AddSecurity();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemMapping>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Numbers are numbers: "5" for a score is a wrong type (400), and the OpenAPI document says plain integer.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiInfo>());

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseJobScope();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi("/api/openapi.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("ServerlessService API").WithOpenApiRoutePattern("/api/openapi.json")).AllowAnonymous();
        // The portal's routes (a single-page app) load its index.html, as Static Web Apps' navigationFallback does:
        // /e/{code} from an engineer's SMS link, /tickets/{id} from a customer's "resolved" SMS.
        string[] portal = ["/e/{code}", "/tickets/{id}", "/sign-in", "/my", "/my/{*rest}", "/jobs", "/jobs/{*rest}", "/console", "/console/{*rest}"];
        foreach (var route in portal) app.MapFallbackToFile(route, "index.html").AllowAnonymous();
        Endpoints.Map(app, localSms: app.Services.GetRequiredService<ISmsChannel>() is LocalSmsChannel);
        return app;
    }

    /// <summary>Prepares storage, keys and accounts, then serves until stopped.</summary>
    public static async Task RunAsync(string[] args)
    {
        var app = Build(args);
        await app.Services.GetRequiredService<StartupTasks>().RunAsync(app.Lifetime.ApplicationStopping);
        await app.RunAsync();
    }

    /// <summary>The documented environment variables, mapped onto the options sections.</summary>
    private static void MapEnvironment(ConfigurationManager config)
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

    private static bool UnderFunctionsHost => Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT") is { Length: > 0 };

    /// <summary>Under the Functions host the port comes from FUNCTIONS_CUSTOMHANDLER_PORT.</summary>
    private static void ListenOnFunctionsPort(WebApplicationBuilder builder)
    {
        if (Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT") is { Length: > 0 } port && int.TryParse(port, out var p))
            builder.WebHost.UseUrls($"http://127.0.0.1:{p}");
    }
}
