using ServerlessService.Core.Notifications;
using ServerlessService.Orchestrations.Runtime;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>Posts an SLA alert to a WeCom or DingTalk group robot. Robots take no idempotency key: a retry after a lost answer may post twice.</summary>
public sealed class RobotHandler(RobotClient robots) : IOutboxHandler
{
    public const string KindName = "robot";
    public string Kind => KindName;

    public Task HandleAsync(OutboxItem item, CancellationToken ct) =>
        robots.SendAsync((string?)item.Payload["robot"] ?? "", (string?)item.Payload["text"] ?? "", ct);
}
