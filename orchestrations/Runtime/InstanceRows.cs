using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using ServerlessService.Core.Storage;

namespace ServerlessService.Orchestrations.Runtime;

/// <summary>
/// Row layout of one instance's partition in the Workflows table: the state row, history rows "h|seq",
/// outbox rows "o|id" and applied-event rows "e|hash". Everything of one instance shares the partition,
/// so a step commits as one entity-group transaction.
/// </summary>
internal static class InstanceRows
{
    public const string State = "state";
    public const string HistoryPrefix = "h|";
    public const string OutboxPrefix = "o|";
    public const string EventPrefix = "e|";

    public static string HistoryKey(long seq) => HistoryPrefix + seq.ToString("D12");
    public static string OutboxKey(string id) => OutboxPrefix + id;
    public static string EventKey(string eventId) =>
        EventPrefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)))[..40];

    /// <summary>Upper bound of a prefix range: '}' sorts right after '|'.</summary>
    public static string End(string prefix) => prefix[..^1] + "}";

    public static TableEntity StateRow<T>(string id, T data, WorkflowMeta meta)
    {
        var e = JsonRows.ToEntity(id, State, data);
        e["Meta"] = JsonSerializer.Serialize(meta, JsonRows.Json);
        return e;
    }

    public static Instance<T> ToInstance<T>(TableEntity e) =>
        new(e.PartitionKey, JsonRows.FromEntity<T>(e), JsonSerializer.Deserialize<WorkflowMeta>(e.GetString("Meta"), JsonRows.Json)!, e.ETag);

    public static TableEntity OutboxRow(OutboxItem item)
    {
        return new TableEntity(item.InstanceId, OutboxKey(item.Id))
        {
            ["Json"] = JsonSerializer.Serialize(item, JsonRows.Json),
            ["Status"] = item.Status.ToString(),
            ["NextAttemptAt"] = item.NextAttemptAt,
        };
    }

    public static OutboxItem ToOutbox(TableEntity e) => JsonRows.FromEntity<OutboxItem>(e);

    public static TableEntity EventRow(string instanceId, EventId ev, JsonNode? result) => new(instanceId, EventKey(ev.Id))
    {
        ["Fingerprint"] = ev.Fingerprint,
        ["Json"] = result?.ToJsonString() ?? "null",
    };
}
