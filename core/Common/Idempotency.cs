using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Common;

/// <summary>What an Idempotency-Key was first used for: the request's fingerprint and the resource it made.</summary>
public sealed record IdempotencyRecord(string RequestHash, string ResourceId);

public interface IIdempotencyStore
{
    Task<IdempotencyRecord?> GetIfExistsAsync(string scope, string key, CancellationToken ct);
    /// <summary>Records the first use; returns the record that won when another request got there first.</summary>
    Task<IdempotencyRecord> GetOrAddAsync(string scope, string key, IdempotencyRecord record, CancellationToken ct);
}

public static class IdempotencyKeys
{
    public static string? Validate(string? key)
    {
        if (key is null) return null;
        if (key.Length is 0 or > 100 || key.Any(c => c < 0x21 || c > 0x7e))
            throw ValidationFailedException.For("Idempotency-Key", "must be 1–100 visible ASCII characters, e.g. a UUID.");
        return key;
    }

    public static string Fingerprint<T>(T request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, JsonRows.Json))));
}

public sealed class TableIdempotencyStore(StorageAccount account) : IIdempotencyStore
{
    private readonly TableClient _table = account.Table(TableNames.Idempotency);

    public async Task<IdempotencyRecord?> GetIfExistsAsync(string scope, string key, CancellationToken ct)
    {
        var e = await _table.GetIfExistsAsync(Pk(scope, key), "", ct);
        return e is null ? null : JsonRows.FromEntity<IdempotencyRecord>(e);
    }

    public async Task<IdempotencyRecord> GetOrAddAsync(string scope, string key, IdempotencyRecord record, CancellationToken ct)
    {
        if (await _table.TryAddAsync(JsonRows.ToEntity(Pk(scope, key), "", record), ct)) return record;
        return await GetIfExistsAsync(scope, key, ct) ?? throw new InvalidOperationException("Idempotency row vanished.");
    }

    private static string Pk(string scope, string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\n" + key)));
}
