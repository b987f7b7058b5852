using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace ServerlessService.Core.Storage;

/// <summary>Hands out table and container clients with the configured name prefix.</summary>
public sealed class StorageAccount
{
    public const string PhotosContainer = "photos";
    public static readonly string[] Containers = [PhotosContainer];

    private readonly string _prefix;
    private readonly string _connectionString;

    public StorageAccount(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.ConnectionString))
            throw new InvalidOperationException("StorageOptions:ConnectionString is not set (STORAGE_CONNECTION_STRING).");
        _prefix = o.Prefix.ToLowerInvariant();
        _connectionString = o.ConnectionString;
        TableService = new TableServiceClient(o.ConnectionString);
        BlobService = new BlobServiceClient(o.ConnectionString);
        QueueService = new QueueServiceClient(o.ConnectionString);
    }

    public TableServiceClient TableService { get; }
    public BlobServiceClient BlobService { get; }
    public QueueServiceClient QueueService { get; }

    /// <summary>A table by its <see cref="TableNames"/> name.</summary>
    public TableClient Table(string name) => TableService.GetTableClient(_prefix + name);

    public BlobContainerClient Container(string name) => BlobService.GetBlobContainerClient(_prefix + name);

    /// <summary>Base64 messages, the encoding Azure Functions queue triggers expect.</summary>
    public QueueClient Queue(string name) =>
        new(_connectionString, _prefix + name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        foreach (var t in TableNames.All) await Table(t).CreateIfNotExistsAsync(ct);
        foreach (var c in Containers) await Container(c).CreateIfNotExistsAsync(cancellationToken: ct);
    }
}
