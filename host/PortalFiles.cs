using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace ServerlessService.Host;

/// <summary>
/// The portal's files (static-web/dist) as Static Web Apps serves them in Azure: text compressed (Brotli, gzip),
/// Vite's hashed files under /assets/ cached for a year, everything else (index.html, the icon) revalidated each time.
/// </summary>
public static class PortalFiles
{
    public const string Immutable = "public, max-age=31536000, immutable";

    public static void AddPortalFiles(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "image/x-icon"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        // Also the options of the single-page app's fallback routes (MapFallbackToFile) that answer index.html.
        services.Configure<StaticFileOptions>(o => o.OnPrepareResponse = file =>
            file.Context.Response.Headers.CacheControl = file.Context.Request.Path.StartsWithSegments("/assets") ? Immutable : "no-cache");
    }

    /// <summary>Before routing. API answers are not compressed: they mix secrets (tokens) with what callers sent.</summary>
    public static void UsePortalFiles(this IApplicationBuilder app)
    {
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), portal => portal.UseResponseCompression());
        app.UseDefaultFiles();
        app.UseStaticFiles();
    }
}
