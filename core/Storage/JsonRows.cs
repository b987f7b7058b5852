using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;

namespace ServerlessService.Core.Storage;

/// <summary>Aggregates are stored as one JSON column plus the few columns queries filter on.</summary>
public static class JsonRows
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static TableEntity ToEntity<T>(string pk, string rk, T value)
    {
        var e = new TableEntity(pk, rk) { ["Json"] = JsonSerializer.Serialize(value, Json) };
        return e;
    }

    public static T FromEntity<T>(TableEntity e) =>
        JsonSerializer.Deserialize<T>(e.GetString("Json"), Json) ?? throw new InvalidDataException($"Row {e.PartitionKey}/{e.RowKey} holds no JSON.");

    public static async Task<TableEntity?> GetIfExistsAsync(this TableClient table, string pk, string rk, CancellationToken ct)
    {
        var r = await table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: ct);
        return r.HasValue ? r.Value : null;
    }

    /// <summary>Insert that reports false instead of throwing when the row already exists.</summary>
    public static async Task<bool> TryAddAsync(this TableClient table, ITableEntity entity, CancellationToken ct)
    {
        try
        {
            await table.AddEntityAsync(entity, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Every row of one partition, deserialized; for the small configuration partitions (rules, policies, robots).</summary>
    public static async Task<List<T>> ReadPartitionAsync<T>(this TableClient table, string pk, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk}"), cancellationToken: ct))
            list.Add(FromEntity<T>(e));
        return list;
    }

    public static async Task DeleteIfExistsAsync(this TableClient table, string pk, string rk, CancellationToken ct)
    {
        try { await table.DeleteEntityAsync(pk, rk, ETag.All, ct); }
        catch (RequestFailedException e) when (e.Status == 404) { }
    }
}
