namespace ServerlessService.Core.Storage;

public sealed class StorageOptions
{
    /// <summary>An Azure Storage connection string (Azurite locally).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Prepended to every table and container name, so several apps or test classes share one account.</summary>
    public string Prefix { get; set; } = "";
}
