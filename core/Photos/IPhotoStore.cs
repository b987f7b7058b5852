namespace ServerlessService.Core.Photos;

public sealed record PhotoBlob(string Id, string Kind, string ContentType, long Size, string? FileName, string UploadedBy, DateTimeOffset UploadedAt);

public interface IPhotoStore
{
    /// <summary>Stores the photo; false when that very blob is already stored, which is left as it is.</summary>
    Task<bool> SaveAsync(string ticketId, PhotoBlob photo, string extension, Stream content, CancellationToken ct);
    Task<IReadOnlyList<(PhotoBlob Photo, Uri Url)>> ListAsync(string ticketId, DateTimeOffset urlExpiresAt, CancellationToken ct);
    /// <summary>The photo's stored facts, or null when the ticket has no such photo.</summary>
    Task<PhotoBlob?> FindAsync(string ticketId, string photoId, CancellationToken ct);
}
