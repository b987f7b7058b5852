using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace ServerlessService.IntegrationTests;

/// <summary>
/// Writes tickets the way the previous release's workflow runtime stored them (removed in 413dd74; see
/// InstanceRows, WorkflowModel and WorkflowRuntime there): one partition per ticket in the Workflows table with the
/// state row (ticket JSON + Meta JSON), timeline rows "h|seq", outbox rows "o|id" and applied-event rows "e|hash".
/// </summary>
public sealed class PreviousRelease(string connectionString, string prefix)
{
    private readonly TableClient _table = new(connectionString, prefix + "Workflows");

    public sealed record Line(long Seq, string Kind, string Actor, string ActorRole, string? From, string? To, JsonObject? Data = null);

    public sealed record Outbox(string Id, string Kind, JsonObject Payload, string Status, DateTimeOffset NextAttemptAt);

    public sealed record Timer(string Name, DateTimeOffset DueAt);

    public async Task AddAsync(JsonObject ticket, DateTimeOffset at, IReadOnlyList<Line> lines, IReadOnlyList<Timer> timers, IReadOnlyList<Outbox> outbox,
        bool completed, IReadOnlyList<(string EventId, string Fingerprint)>? events = null)
    {
        await _table.CreateIfNotExistsAsync();
        var id = (string)ticket["id"]!;
        var meta = new JsonObject
        {
            ["definition"] = "ticket", ["version"] = 1, ["seq"] = lines.Count == 0 ? 0 : lines.Max(l => l.Seq), ["nextGeneration"] = timers.Count,
            ["timers"] = new JsonObject(timers.Select((t, i) => KeyValuePair.Create(t.Name, (JsonNode?)new JsonObject { ["generation"] = i + 1, ["dueAt"] = t.DueAt }))),
            ["completed"] = completed, ["createdAt"] = at, ["updatedAt"] = at,
        };
        var rows = new List<TableEntity> { new(id, "state") { ["Json"] = ticket.ToJsonString(), ["Meta"] = meta.ToJsonString() } };
        rows.AddRange(lines.Select(l => Row(id, "h|" + l.Seq.ToString("D12"), new JsonObject
        {
            ["seq"] = l.Seq, ["at"] = at, ["kind"] = l.Kind, ["actor"] = l.Actor, ["actorRole"] = l.ActorRole, ["from"] = l.From, ["to"] = l.To, ["data"] = l.Data?.DeepClone(),
        })));
        rows.AddRange(outbox.Select(o =>
        {
            var row = Row(id, "o|" + o.Id, new JsonObject
            {
                ["id"] = o.Id, ["instanceId"] = id, ["kind"] = o.Kind, ["payload"] = o.Payload.DeepClone(), ["status"] = o.Status, ["attempts"] = o.Status == "Done" ? 1 : 0,
                ["createdAt"] = at, ["nextAttemptAt"] = o.NextAttemptAt, ["completedAt"] = o.Status == "Done" ? at : null,
            });
            row["Status"] = o.Status;
            row["NextAttemptAt"] = o.NextAttemptAt;
            return row;
        }));
        rows.AddRange((events ?? []).Select(e => new TableEntity(id, EventKey(e.EventId)) { ["Fingerprint"] = e.Fingerprint, ["Json"] = ticket.ToJsonString() }));
        await _table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
    }

    /// <summary>A ticket's JSON as the previous release's state row held it (the same Ticket record as now).</summary>
    public static JsonObject Ticket(string id, string number, string status, string priority, JsonNode customer, JsonNode device, string? engineerId,
        DateTimeOffset createdAt, JsonObject? sla = null, JsonObject? work = null) => new()
    {
        ["id"] = id, ["number"] = number, ["status"] = status, ["priority"] = priority,
        ["serialNumber"] = device["serialNumber"]!.GetValue<string>(), ["deviceVerified"] = true, ["customerId"] = customer["id"]!.GetValue<string>(),
        ["model"] = "AirPro 75", ["productLine"] = device["productLine"]!.GetValue<string>(),
        ["warranty"] = new JsonObject { ["status"] = "in-warranty", ["endsOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1).ToString("yyyy-MM-dd"), ["daysLeft"] = 365 },
        ["faultCategory"] = "noise", ["description"] = "空压机异响，压力不足。", ["contactPhone"] = customer["phone"]!.GetValue<string>(),
        ["siteAddress"] = new JsonObject { ["region"] = "310104", ["line"] = "上海市徐汇区漕溪北路 88 号", ["lat"] = 31.19, ["lng"] = 121.43 },
        ["assignedEngineerId"] = engineerId, ["createdBy"] = "admin", ["createdAt"] = createdAt, ["updatedAt"] = createdAt,
        ["customerTier"] = "standard", ["sla"] = sla, ["work"] = work, ["customerName"] = customer["name"]!.GetValue<string>(),
    };

    /// <summary>An SLA snapshot with each clock as (metric, target, running since or null when pending).</summary>
    public static JsonObject Sla(int[] warnAt, params (string Metric, TimeSpan Target, DateTimeOffset? Since)[] clocks) => new()
    {
        ["policyId"] = "sla-legacy", ["policyName"] = "Legacy", ["warnAt"] = new JsonArray(warnAt.Select(w => (JsonNode?)w).ToArray()), ["escalations"] = new JsonArray(),
        ["clocks"] = new JsonArray(clocks.Select(c => (JsonNode?)new JsonObject
        {
            ["metric"] = c.Metric, ["target"] = c.Target.ToString("c"), ["state"] = c.Since is null ? "pending" : "running", ["elapsed"] = "00:00:00",
            ["since"] = c.Since, ["fired"] = new JsonArray(), ["breached"] = false, ["dueAt"] = c.Since + c.Target,
        }).ToArray()),
    };

    /// <summary>The runtime's key of an applied event: a hash of its id.</summary>
    private static string EventKey(string eventId) => "e|" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)))[..40];

    private static TableEntity Row(string pk, string rk, JsonObject json)
    {
        foreach (var key in json.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList()) json.Remove(key);
        return new TableEntity(pk, rk) { ["Json"] = json.ToJsonString() };
    }
}
