using Azure.Data.Tables;

namespace ServerlessService.Core.Storage;

/// <summary>Rows in partition "name" keyed by lower-cased name and id, for prefix search and listing in name order.</summary>
internal static class NameIndex
{
    public const string Partition = "name";

    public static string RowKey(string name, string id) => Normalize(name) + " |" + id;

    public static string Normalize(string name) =>
        new(name.Trim().ToLowerInvariant().Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c).ToArray());

    public static string PrefixFilter(string? prefix)
    {
        if (string.IsNullOrWhiteSpace(prefix)) return TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        var from = Normalize(prefix);
        var to = from + "\uffff";
        return TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {from} and RowKey lt {to}");
    }

    public static Task RemoveAsync(TableClient table, string name, string id, CancellationToken ct) =>
        table.DeleteIfExistsAsync(Partition, RowKey(name, id), ct);
}
