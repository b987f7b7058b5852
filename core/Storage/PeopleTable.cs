using Azure.Data.Tables;
using ServerlessService.Core.Common;

namespace ServerlessService.Core.Storage;

/// <summary>
/// Shared layout of the customer and engineer tables: a row per person (PK id), a phone claim row
/// keeping phones unique, and a copy under partition "name" for prefix search and listing.
/// </summary>
internal sealed class PeopleTable<T>(TableClient table, string rowKey, string what, Func<T, string> id, Func<T, string> name, Func<T, string> phone)
{
    public async Task<Stored<T>?> GetIfExistsAsync(string key, CancellationToken ct)
    {
        var e = await table.GetIfExistsAsync(key, rowKey, ct);
        return e is null ? null : StoredVersions.ToStored<T>(e);
    }

    public Task<string?> FindIdByPhoneAsync(string e164, CancellationToken ct) => PhoneClaims.OwnerAsync(table, e164, rowKey, ct);

    public async Task<bool> TryAddAsync(T person, CancellationToken ct)
    {
        if (!await PhoneClaims.TryClaimAsync(table, phone(person), id(person), rowKey, ct)) return false;
        await table.AddEntityAsync(Row(person), ct);
        await WriteNameRowAsync(person, ct);
        return true;
    }

    public async Task<bool> TryUpdateAsync(T previous, T updated, string ifMatch, CancellationToken ct)
    {
        var phoneChanged = phone(previous) != phone(updated);
        if (phoneChanged && !await PhoneClaims.TryClaimAsync(table, phone(updated), id(updated), rowKey, ct)) return false;
        await ETagConflicts.GuardAsync(() => table.UpdateEntityAsync(Row(updated), StoredVersions.ToETag(ifMatch), TableUpdateMode.Replace, ct), what);
        if (phoneChanged) await PhoneClaims.ReleaseAsync(table, phone(previous), ct);
        if (NameIndex.RowKey(name(previous), id(previous)) != NameIndex.RowKey(name(updated), id(updated)))
            await NameIndex.RemoveAsync(table, name(previous), id(previous), ct);
        await WriteNameRowAsync(updated, ct);
        return true;
    }

    public Task<Paged<T>> ListAsync(string? namePrefix, PageRequest page, CancellationToken ct) =>
        TablePaging.ReadPageAsync(table, NameIndex.PrefixFilter(namePrefix), page, JsonRows.FromEntity<T>, ct);

    private TableEntity Row(T person)
    {
        var e = JsonRows.ToEntity(id(person), rowKey, person);
        e["Phone"] = phone(person);
        return e;
    }

    private Task WriteNameRowAsync(T person, CancellationToken ct) =>
        table.UpsertEntityAsync(JsonRows.ToEntity(NameIndex.Partition, NameIndex.RowKey(name(person), id(person)), person), TableUpdateMode.Replace, ct);
}
