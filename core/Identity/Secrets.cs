using System.Security.Cryptography;
using Azure.Data.Tables;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Identity;

/// <summary>Random secrets generated once per store and shared by every instance (e.g. the token signing key).</summary>
public sealed class Secrets(StorageAccount account)
{
    private readonly TableClient _table = account.Table(TableNames.Settings);

    public async Task<byte[]> GetOrCreateAsync(string name, int bytes, CancellationToken ct)
    {
        var fresh = new TableEntity("secret", name) { ["Value"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)) };
        await _table.TryAddAsync(fresh, ct);
        var stored = await _table.GetIfExistsAsync("secret", name, ct) ?? throw new InvalidOperationException($"Secret {name} vanished.");
        return Convert.FromBase64String(stored.GetString("Value"));
    }
}
