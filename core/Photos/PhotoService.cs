using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ServerlessService.Core.Common;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Core.Photos;

/// <summary>Photos on a ticket: anyone who can see the ticket views them; who adds which kind is below. A request stores all files or none.</summary>
public sealed class PhotoService(TicketService tickets, IPhotoStore store, IOptions<PhotoOptions> options, TimeProvider clock)
{
    private readonly PhotoOptions _o = options.Value;

    /// <summary>
    /// Stores every file as a photo of one kind (default fault); a signature upload takes exactly one file. With an
    /// idempotency key the photos' ids come from the key, so a repeated upload (an offline queue replaying after a lost
    /// answer) stores nothing twice.
    /// </summary>
    public async Task<IReadOnlyList<Photo>> UploadAsync(Caller caller, string ticketId, string? kind, IReadOnlyList<PhotoUpload> files, string? idempotencyKey, CancellationToken ct)
    {
        var key = IdempotencyKeys.Validate(idempotencyKey);
        var ticket = await tickets.GetAsync(caller, ticketId, ct);
        var check = new Check();
        var k = check.OneOf("kind", kind ?? PhotoKinds.Fault, PhotoKinds.All)!;
        check.ThrowIfAny();
        RequireMayAdd(caller, ticket, k);
        if (k == PhotoKinds.Signature && files.Count > 1) throw ValidationFailedException.For("files", "a signature is one image.");
        var accepted = new List<(PhotoUpload File, string ContentType, string Extension)>();
        foreach (var file in files) accepted.Add(Inspect(file));
        if (accepted.Count == 0) throw ValidationFailedException.For("files", "attach at least one photo (multipart/form-data).");
        if (accepted.Count > _o.MaxFilesPerRequest) throw ValidationFailedException.For("files", $"at most {_o.MaxFilesPerRequest} photos per request.");
        var now = clock.GetUtcNow();
        foreach (var (i, (file, contentType, ext)) in accepted.Index())
        {
            var id = key is null ? Ids.New("pho") : KeyedId(ticket.Id, caller.Subject, key, i);
            // A replayed upload may carry another type (another blob name): a keyed id already stored is done.
            if (key is not null && await store.FindAsync(ticket.Id, id, ct) is not null) continue;
            var blob = new PhotoBlob(id, k, contentType, file.Length, CleanName(file.FileName), caller.Subject, now);
            await using var stream = file.Open();
            await store.SaveAsync(ticket.Id, blob, ext, stream, ct);
        }
        return await ListAsync(caller, ticket.Id, ct);
    }

    /// <summary>
    /// The assigned engineer and staff who work tickets add any kind; the ticket's customer adds fault photos and their
    /// own signature (when confirming), never the engineer's before/after photos; readers (managers, warehouse) add none.
    /// </summary>
    private static void RequireMayAdd(Caller caller, Ticket ticket, string kind)
    {
        if (caller.IsEngineer(ticket.AssignedEngineerId) || caller.Can(Permission.WorkTickets)) return;
        if (caller.IsCustomer(ticket.CustomerId))
        {
            if (kind is PhotoKinds.Fault or PhotoKinds.Signature) return;
            throw new ForbiddenException($"Customers add fault photos (and their signature); '{kind}' photos are the engineer's.");
        }
        throw new ForbiddenException("Your role reads tickets; it does not add photos to them.");
    }

    public async Task<IReadOnlyList<Photo>> ListAsync(Caller caller, string ticketId, CancellationToken ct)
    {
        var ticket = await tickets.GetAsync(caller, ticketId, ct);
        var expires = clock.GetUtcNow().Add(_o.ReadUrlLifetime);
        var stored = await store.ListAsync(ticket.Id, expires, ct);
        return stored.Select(s => new Photo(s.Photo.Id, s.Photo.Kind, s.Photo.ContentType, s.Photo.Size, s.Photo.FileName, s.Photo.UploadedBy, s.Photo.UploadedAt, s.Url, expires)).ToList();
    }

    /// <summary>The n-th photo of an upload with this key, by this caller, on this ticket: always the same id.</summary>
    private static string KeyedId(string ticketId, string subject, string key, int n) =>
        "pho-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ticketId}|{subject}|{key}|{n}")))[..32];

    private (PhotoUpload, string, string) Inspect(PhotoUpload file)
    {
        if (file.Length > _o.MaxBytes)
            throw new PayloadTooLargeException(file.Field, $"'{file.FileName}' is {file.Length / 1048576.0:F1} MB; each photo may be at most {_o.MaxBytes / 1048576} MB.");
        if (file.Length == 0) throw ValidationFailedException.For(file.Field, $"'{file.FileName}' is empty.");
        var head = new byte[PhotoTypes.HeaderLength];
        int read;
        using (var s = file.Open()) read = s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var type = PhotoTypes.Detect(head.AsSpan(0, read))
            ?? throw new UnsupportedMediaException(file.Field, $"'{file.FileName}' is not a JPEG, PNG, WebP or HEIC image.");
        return (file, type.ContentType, type.Extension);
    }

    private static string? CleanName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var clean = new string(Path.GetFileName(name).Where(c => !char.IsControl(c)).ToArray());
        return clean.Length > 100 ? clean[..100] : clean;
    }
}
