using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Photos;

/// <summary>Blobs named "{ticketId}/{photoId}{ext}" with the upload facts as metadata; reads go through SAS URLs.</summary>
public sealed class BlobPhotoStore(StorageAccount account) : IPhotoStore
{
    private readonly BlobContainerClient _container = account.Container(StorageAccount.PhotosContainer);

    public async Task<bool> SaveAsync(string ticketId, PhotoBlob photo, string extension, Stream content, CancellationToken ct)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = photo.ContentType },
            Metadata = new Dictionary<string, string>
            {
                ["photoid"] = photo.Id,
                ["kind"] = photo.Kind,
                ["filename"] = Uri.EscapeDataString(photo.FileName ?? ""),
                ["uploadedby"] = Uri.EscapeDataString(photo.UploadedBy),
                ["uploadedat"] = photo.UploadedAt.ToString("O"),
            },
            Conditions = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All },
        };
        try
        {
            await _container.GetBlobClient($"{ticketId}/{photo.Id}{extension}").UploadAsync(content, options, ct);
            return true;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<(PhotoBlob Photo, Uri Url)>> ListAsync(string ticketId, DateTimeOffset urlExpiresAt, CancellationToken ct)
    {
        var result = new List<(PhotoBlob, Uri)>();
        UserDelegationKey? delegationKey = null;
        await foreach (var item in _container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, ticketId + "/", ct))
        {
            var blob = _container.GetBlobClient(item.Name);
            if (!blob.CanGenerateSasUri) delegationKey ??= (await account.BlobService.GetUserDelegationKeyAsync(null, urlExpiresAt, ct)).Value;
            result.Add((Read(item), ReadUrl(blob, urlExpiresAt, delegationKey)));
        }
        return result.OrderBy(p => p.Item1.UploadedAt).ToList();
    }

    public async Task<PhotoBlob?> FindAsync(string ticketId, string photoId, CancellationToken ct)
    {
        // The id is the blob name's stem; the prefix "{ticketId}/{photoId}." matches only that photo, whatever its extension.
        await foreach (var item in _container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, $"{ticketId}/{photoId}.", ct))
            return Read(item);
        return null;
    }

    private static PhotoBlob Read(BlobItem item)
    {
        var m = item.Metadata;
        return new PhotoBlob(
            m.TryGetValue("photoid", out var id) ? id : item.Name,
            m.TryGetValue("kind", out var kind) ? kind : PhotoKinds.Fault,
            item.Properties.ContentType ?? "application/octet-stream",
            item.Properties.ContentLength ?? 0,
            m.TryGetValue("filename", out var f) && f.Length > 0 ? Uri.UnescapeDataString(f) : null,
            m.TryGetValue("uploadedby", out var by) ? Uri.UnescapeDataString(by) : "",
            m.TryGetValue("uploadedat", out var at) && DateTimeOffset.TryParse(at, out var t) ? t : item.Properties.CreatedOn ?? default);
    }

    /// <summary>Shared-key SAS with a connection string (Azurite, keys); user-delegation SAS with a managed identity.</summary>
    private Uri ReadUrl(BlobClient blob, DateTimeOffset expiresAt, UserDelegationKey? key)
    {
        if (blob.CanGenerateSasUri) return blob.GenerateSasUri(BlobSasPermissions.Read, expiresAt);
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expiresAt) { BlobContainerName = blob.BlobContainerName, BlobName = blob.Name };
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key!, account.BlobService.AccountName) }.ToUri();
    }
}
