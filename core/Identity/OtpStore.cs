using Azure;
using Azure.Data.Tables;
using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Identity;

/// <summary>The pending code of one phone and its send/attempt counters. The code itself is stored only as a salted hash.</summary>
public sealed record OtpState(string CodeHash, string Salt, DateTimeOffset ExpiresAt, int Attempts, DateTimeOffset WindowStart, int SendsInWindow, DateTimeOffset LastSentAt);

public interface IOtpStore
{
    Task<Stored<OtpState>?> GetIfExistsAsync(string phone, CancellationToken ct);
    /// <summary>Writes the state guarded by the version it was read with (null: must not exist yet); false when someone else wrote first.</summary>
    Task<bool> TrySaveAsync(string phone, OtpState state, string? ifMatch, CancellationToken ct);
    Task<bool> TryDeleteAsync(string phone, string ifMatch, CancellationToken ct);
}

public sealed class TableOtpStore(StorageAccount account) : IOtpStore
{
    private const string Rk = "otp";
    private readonly TableClient _table = account.Table(TableNames.Otps);

    public async Task<Stored<OtpState>?> GetIfExistsAsync(string phone, CancellationToken ct)
    {
        var e = await _table.GetIfExistsAsync(phone, Rk, ct);
        return e is null ? null : StoredVersions.ToStored<OtpState>(e);
    }

    public async Task<bool> TrySaveAsync(string phone, OtpState state, string? ifMatch, CancellationToken ct)
    {
        var row = JsonRows.ToEntity(phone, Rk, state);
        if (ifMatch is null) return await _table.TryAddAsync(row, ct);
        try { await _table.UpdateEntityAsync(row, StoredVersions.ToETag(ifMatch), TableUpdateMode.Replace, ct); return true; }
        catch (RequestFailedException e) when (e.Status is 412 or 404) { return false; }
    }

    public async Task<bool> TryDeleteAsync(string phone, string ifMatch, CancellationToken ct)
    {
        try { await _table.DeleteEntityAsync(phone, Rk, StoredVersions.ToETag(ifMatch), ct); return true; }
        catch (RequestFailedException e) when (e.Status is 412 or 404) { return false; }
    }
}
