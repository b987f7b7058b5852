using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ServerlessService.Api.Hosting;

/// <summary>
/// Reverse proxies whose X-Forwarded-For is believed (README.md, "ProxyOptions"). None by default: the header is
/// ignored and the client address is the connection's, so nobody picks their own sign-in bucket.
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>Addresses of the proxies in front of the app, e.g. 10.0.0.4.</summary>
    public List<string> KnownProxies { get; set; } = [];
    /// <summary>Networks of such proxies in CIDR notation, e.g. 10.0.0.0/24.</summary>
    public List<string> KnownNetworks { get; set; } = [];
    /// <summary>How many proxies deep the header is read (the entries added by the known proxies).</summary>
    public int ForwardLimit { get; set; } = 1;
}

public static class Proxies
{
    public static void AddProxies(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(nameof(ProxyOptions))
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "ProxyOptions:KnownProxies holds something that is not an IP address.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "ProxyOptions:KnownNetworks holds something that is not a network in CIDR notation (10.0.0.0/24).")
            .Validate(o => o.ForwardLimit >= 1, "ProxyOptions:ForwardLimit must be at least 1.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ProxyOptions>>((o, proxies) =>
        {
            // With no known proxy at all the middleware would trust every sender, so then it reads nothing.
            var any = proxies.Value.KnownProxies.Count + proxies.Value.KnownNetworks.Count > 0;
            o.ForwardedHeaders = any ? ForwardedHeaders.XForwardedFor : ForwardedHeaders.None;
            o.ForwardLimit = proxies.Value.ForwardLimit;
            // ASP.NET Core trusts loopback by default; here only what is configured is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies.Value.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(p));
            foreach (var n in proxies.Value.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        });
    }
}
