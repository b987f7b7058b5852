using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ServerlessService.Core.Common;
using ServerlessService.Core.Engineers;
using ServerlessService.Core.Notifications;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>
/// Turns a message payload (template event + values) into text in the recipient's language (their preference, else the
/// deployment's), adding what the step could not know (the engineer's name).
/// </summary>
public sealed class MessageRenderer(TemplateService templates, IEngineerStore engineers, IOptions<NotificationOptions> options, IOptions<ServiceOptions> service)
{
    /// <summary>The deployment's language: robots, supervisors, dispatchers and anyone without a preference.</summary>
    public string DefaultLanguage => options.Value.EffectiveLanguage;

    /// <summary>The language for a recipient whose preference is <paramref name="preferred"/> (null: none).</summary>
    public string LanguageFor(string? preferred) => MessageTemplates.LanguageFor(preferred, DefaultLanguage);

    public async Task<string> TextAsync(JsonObject payload, CancellationToken ct, string? language = null)
    {
        if ((string?)payload["text"] is { } text) return text;
        var ev = (string?)payload["event"] ?? throw new InvalidDataException("A message without text or event.");
        var values = (payload["values"]?.AsObject() ?? []).ToDictionary(kv => kv.Key, kv => kv.Value?.ToString());
        if ((string?)payload["engineerId"] is { } engineerId && !values.ContainsKey("engineerName"))
            values["engineerName"] = (await engineers.GetIfExistsAsync(engineerId, ct))?.Value.Name;
        if (values.TryGetValue("link", out var link) && link is not null && link.StartsWith('/'))
            values["link"] = service.Value.PublicBaseUrl.TrimEnd('/') + link;
        var lang = LanguageFor(language);
        return MessageTemplates.Render(await templates.TextAsync(ev, lang, ct), lang, values);
    }
}
