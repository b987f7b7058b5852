using Microsoft.Extensions.Options;
using ServerlessService.Core.Common;

namespace ServerlessService.Core.Notifications;

public sealed record RobotChannelInput(string? Name, string? Kind, string? Url, string? Secret, bool? Enabled);

/// <summary>A group robot as the API shows it: the secret is never shown back, only whether one is set.</summary>
public sealed record RobotChannelView(string Name, string Kind, string Url, bool HasSecret, bool Enabled, string Source);

/// <summary>
/// Group robots managed through /api/notification-channels (<see cref="IRobotChannelStore"/>), besides those in configuration.
/// A webhook URL must be https on the robot service's own host (qyapi.weixin.qq.com for WeCom, oapi.dingtalk.com for
/// DingTalk), so the API cannot be used to make the server call anywhere else; tests may allow loopback addresses.
/// </summary>
public sealed class RobotChannels(IRobotChannelStore store, IOptions<NotificationOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly Refreshing<IReadOnlyList<RobotWebhook>> _cache = new(CacheFor, clock);

    public static readonly IReadOnlyDictionary<string, string> OfficialHosts = new Dictionary<string, string>
    {
        [RobotClient.WeCom] = "qyapi.weixin.qq.com",
        [RobotClient.DingTalk] = "oapi.dingtalk.com",
    };

    /// <summary>Every usable robot: configured ones first, then enabled stored ones; cached briefly.</summary>
    public Task<IReadOnlyList<RobotWebhook>> AllAsync(CancellationToken ct) => _cache.GetAsync(async () =>
    {
        var stored = (await ReadAsync(ct)).Where(r => r.Enabled).Select(r => new RobotWebhook { Name = r.Name, Kind = r.Kind, Url = r.Url, Secret = r.Secret });
        return (IReadOnlyList<RobotWebhook>)options.Value.Valid().Concat(stored).DistinctBy(r => r.Name).ToList();
    });

    public async Task<IReadOnlyList<RobotChannelView>> ListAsync(Caller caller, CancellationToken ct)
    {
        RequireAdmin(caller);
        var configured = options.Value.Valid().Select(r => new RobotChannelView(r.Name, r.Kind, Mask(r.Url), r.Secret is not null, true, "configuration"));
        return configured.Concat((await ReadAsync(ct)).Select(r => new RobotChannelView(r.Name, r.Kind, Mask(r.Url), r.Secret is not null, r.Enabled, "api"))).ToList();
    }

    /// <summary>Creates or replaces a robot by name.</summary>
    public async Task<RobotChannelView> PutAsync(Caller caller, string name, RobotChannelInput input, CancellationToken ct)
    {
        RequireAdmin(caller);
        var check = new Check();
        var n = check.Text("name", name, 40);
        if (options.Value.Robots.Any(r => r.Name == n)) check.Add("name", "is taken by a robot in the app's configuration.");
        var kind = check.OneOf("kind", input.Kind, [RobotClient.WeCom, RobotClient.DingTalk]);
        var url = check.Text("url", input.Url, 500);
        if (url is not null && kind is not null && !UrlAllowed(url, kind))
            check.Add("url", $"must be an https URL on {OfficialHosts[kind]}, the {kind} robot service.");
        var secret = check.Text("secret", input.Secret, 200, required: false);
        if (secret is not null && kind == RobotClient.WeCom) check.Add("secret", "WeCom robots are not signed; leave it out.");
        check.ThrowIfAny();
        var row = new RobotChannel(n!, kind!, url!, secret, input.Enabled ?? true);
        await store.SaveAsync(row, ct);
        _cache.Invalidate();
        return new RobotChannelView(row.Name, row.Kind, Mask(row.Url), row.Secret is not null, row.Enabled, "api");
    }

    public async Task DeleteAsync(Caller caller, string name, CancellationToken ct)
    {
        RequireAdmin(caller);
        if (!await store.DeleteIfExistsAsync(name, ct)) throw new NotFoundException("Notification channel", name);
        _cache.Invalidate();
    }

    private bool UrlAllowed(string url, string kind)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var u)) return false;
        if (options.Value.AllowLoopbackRobots && u.IsLoopback && u.Scheme is "http" or "https") return true;
        return u.Scheme == Uri.UriSchemeHttps && u.IsDefaultPort && string.Equals(u.Host, OfficialHosts[kind], StringComparison.OrdinalIgnoreCase);
    }

    private Task<IReadOnlyList<RobotChannel>> ReadAsync(CancellationToken ct) => store.ListAsync(ct);

    /// <summary>The webhook's key or access token is a credential too: only the start of it is shown.</summary>
    private static string Mask(string url)
    {
        var q = url.IndexOf('?');
        return q < 0 ? url : url[..(q + 1)] + "…";
    }

    private static void RequireAdmin(Caller caller)
    {
        if (!caller.Can(Permission.ManageNotifications)) throw new ForbiddenException("Only admins manage notification channels.");
    }
}
