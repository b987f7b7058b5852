using Azure.Data.Tables;

namespace ServerlessService.Core.Storage;

/// <summary>
/// Unique phone numbers per table: a claim row (PK "phone|+86…") names its owner. A claim is only
/// trusted while the owner's row still carries that phone, so a crash or a lost race between the
/// claim and the owner write never locks a number forever.
/// </summary>
internal static class PhoneClaims
{
    public static string Key(string e164) => "phone|" + e164;

    public static async Task<string?> OwnerAsync(TableClient table, string e164, string ownerRowKey, CancellationToken ct)
    {
        var owner = (await table.GetIfExistsAsync(Key(e164), "", ct))?.GetString("OwnerId");
        if (owner is null) return null;
        var row = await table.GetIfExistsAsync(owner, ownerRowKey, ct);
        return row?.GetString("Phone") == e164 ? owner : null;
    }

    public static async Task<bool> TryClaimAsync(TableClient table, string e164, string ownerId, string ownerRowKey, CancellationToken ct)
    {
        var claim = new TableEntity(Key(e164), "") { ["OwnerId"] = ownerId };
        if (await table.TryAddAsync(claim, ct)) return true;
        var owner = await OwnerAsync(table, e164, ownerRowKey, ct);
        if (owner is not null && owner != ownerId) return false;
        await table.UpsertEntityAsync(claim, TableUpdateMode.Replace, ct);
        return true;
    }

    public static Task ReleaseAsync(TableClient table, string e164, CancellationToken ct) =>
        table.DeleteIfExistsAsync(Key(e164), "", ct);
}
