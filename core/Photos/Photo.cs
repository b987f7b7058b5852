namespace ServerlessService.Core.Photos;

/// <summary>A photo on a ticket, with a read URL that expires shortly. Kind: fault (from the report), before, after, or signature.</summary>
public sealed record Photo(string Id, string Kind, string ContentType, long Size, string? FileName, string UploadedBy, DateTimeOffset UploadedAt, Uri Url, DateTimeOffset UrlExpiresAt);

/// <summary>What a photo shows: the fault as reported, the site before and after the work, or the customer's signature.</summary>
public static class PhotoKinds
{
    public const string Fault = "fault";
    public const string Signature = "signature";
    public static readonly string[] All = [Fault, "before", "after", Signature];
}

/// <summary>One file of a multipart upload; the stream is opened only after every file has passed its checks.</summary>
public sealed record PhotoUpload(string Field, string? FileName, long Length, Func<Stream> Open);

public sealed class PhotoOptions
{
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
    public int MaxFilesPerRequest { get; set; } = 10;
    public TimeSpan ReadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
