using Azure;
using Azure.Data.Tables;
using ServerlessService.Core.Common;

namespace ServerlessService.Core.Storage;

/// <summary>Where a <see cref="Stored{T}"/> version meets the Azure ETag it stands for; only adapters use it.</summary>
internal static class StoredVersions
{
    public static ETag ToETag(string version) => new(version);

    public static string FromETag(ETag etag) => etag.ToString();

    public static Stored<T> ToStored<T>(TableEntity e) => new(JsonRows.FromEntity<T>(e), FromETag(e.ETag));
}
