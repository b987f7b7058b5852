namespace ServerlessService.Core.Photos;

public sealed record PhotoBlob(string Id, string ContentType, long Size, string? FileName, string UploadedBy, DateTimeOffset UploadedAt);

public interface IPhotoStore
{
    Task SaveAsync(string ticketId, PhotoBlob photo, string extension, Stream content, CancellationToken ct);
    Task<IReadOnlyList<(PhotoBlob Photo, Uri Url)>> ListAsync(string ticketId, DateTimeOffset urlExpiresAt, CancellationToken ct);
}
