using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace ServerlessService.Api.Hosting;

/// <summary>
/// The language of server messages (docs/api.md, "Languages"): zh-CN or en from Accept-Language, English otherwise.
/// Only the UI culture follows the caller; number and date formats stay the process's, as before.
/// </summary>
public static class Languages
{
    public static readonly string[] Supported = ["en", "zh-CN"];

    public static void AddLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var formats = CultureInfo.CurrentCulture;
            o.DefaultRequestCulture = new RequestCulture(formats, new CultureInfo("en"));
            o.SupportedCultures = [formats];
            o.SupportedUICultures = [.. Supported.Select(c => new CultureInfo(c))];
            o.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
            o.ApplyCurrentCultureToResponseHeaders = true;
        });
    }
}
