using ServerlessService.Core.Notifications;

using ServerlessService.Orchestrations.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>Posts an SLA alert to a WeCom or DingTalk group robot. Robots take no idempotency key: a retry after a lost answer may post twice.</summary>
public sealed class RobotHandler(RobotClient robots, MessageRenderer renderer) : IEffectHandler
{
    public const string KindName = "robot";
    public string Kind => KindName;

    public async Task HandleAsync(EffectWork item, CancellationToken ct) =>
        await robots.SendAsync((string?)item.Payload["robot"] ?? "", await renderer.TextAsync(item.Payload, ct), ct);
}
