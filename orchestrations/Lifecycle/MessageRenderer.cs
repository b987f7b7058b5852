using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ServerlessService.Core.Common;
using ServerlessService.Core.Engineers;
using ServerlessService.Core.Notifications;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>Turns a message payload (template event + values) into text, adding what the step could not know (the engineer's name).</summary>
public sealed class MessageRenderer(TemplateService templates, IEngineerStore engineers, IOptions<NotificationOptions> options, IOptions<ServiceOptions> service)
{
    public async Task<string> TextAsync(JsonObject payload, CancellationToken ct)
    {
        if ((string?)payload["text"] is { } text) return text;
        var ev = (string?)payload["event"] ?? throw new InvalidDataException("A message without text or event.");
        var values = (payload["values"]?.AsObject() ?? []).ToDictionary(kv => kv.Key, kv => kv.Value?.ToString());
        if ((string?)payload["engineerId"] is { } engineerId && !values.ContainsKey("engineerName"))
            values["engineerName"] = (await engineers.GetIfExistsAsync(engineerId, ct))?.Value.Name;
        if (values.TryGetValue("link", out var link) && link is not null && link.StartsWith('/'))
            values["link"] = service.Value.PublicBaseUrl.TrimEnd('/') + link;
        var language = options.Value.EffectiveLanguage;
        return MessageTemplates.Render(await templates.TextAsync(ev, language, ct), language, values);
    }
}
