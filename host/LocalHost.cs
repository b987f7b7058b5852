using Microsoft.Extensions.Options;
using ServerlessService.Api.Hosting;
using ServerlessService.Host.Engine;
using ServerlessService.Orchestrations.Tickets;

namespace ServerlessService.Host;

/// <summary>
/// What <c>./run.sh</c> and the tests run: the API and the portal on Kestrel, and the Durable Task engine (the
/// framework under Durable Functions, with its Azure Storage provider) running the ticket orchestrations in-process.
/// </summary>
public static class LocalHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        ApiApp.MapEnvironment(builder.Configuration);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = ApiApp.JsonBodyLimit);
        configure?.Invoke(builder);

        var services = builder.Services;
        services.AddApi(builder.Configuration);
        services.AddPortalFiles();
        services.AddOptions<EngineOptions>().BindConfiguration(nameof(EngineOptions));
        services.AddSingleton<LocalEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<LocalEngine>());

        var app = builder.Build();
        app.Services.GetRequiredService<EngineClient>().Use(app.Services.GetRequiredService<LocalEngine>().Client);
        app.UseApi(hostRoutes: MapPortal, beforeRouting: portal => portal.UsePortalFiles());
        return app;
    }

    /// <summary>Prepares storage, keys and accounts, then serves until stopped.</summary>
    public static async Task RunAsync(string[] args)
    {
        var app = Build(args);
        await app.Services.GetRequiredService<StartupTasks>().RunAsync(app.Lifetime.ApplicationStopping);
        await app.RunAsync();
    }

    /// <summary>
    /// The portal's routes (a single-page app) load its index.html, as Static Web Apps' navigationFallback does in
    /// Azure: /e/{code} from an engineer's SMS link, /tickets/{id} from a customer's "resolved" SMS.
    /// </summary>
    private static void MapPortal(IEndpointRouteBuilder routes)
    {
        string[] portal = ["/e/{code}", "/tickets/{id}", "/sign-in", "/my", "/my/{*rest}", "/jobs", "/jobs/{*rest}", "/console", "/console/{*rest}"];
        foreach (var route in portal) routes.MapFallbackToFile(route, "index.html").AllowAnonymous();
    }
}
