using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServerlessService.Core.Common;
using ServerlessService.Core.Photos;

namespace ServerlessService.Api.Tickets;

/// <summary>Photos on a ticket: whoever may see the ticket may add and view photos.</summary>
public static class PhotoFunctions
{
    /// <summary>Ten photos of 10 MB and the multipart framing around them.</summary>
    public const long RequestLimit = 110L * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/tickets/{id}/photos").WithTags("Tickets");
        g.MapPost("/", Upload).WithMetadata(new RequestSizeLimitAttribute(RequestLimit)).DisableAntiforgery()
            .Accepts<IFormFileCollection>("multipart/form-data");
        g.MapGet("/", List);
    }

    /// <summary>Form field "kind": fault (default), before, after, or signature (one image, for confirm or resolve). An Idempotency-Key makes a repeated upload store nothing twice.</summary>
    private static async Task<Created<IReadOnlyList<Photo>>> Upload(
        string id, HttpRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, Caller caller, PhotoService photos, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            throw new UnsupportedMediaException("body", "Send the photos as multipart/form-data, one file part per photo.");
        // The app-wide 1 MB body limit is for JSON; photo uploads get their own.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = RequestLimit;
        var form = await request.ReadFormAsync(ct);
        var files = form.Files.Select(f => new PhotoUpload(f.Name, f.FileName, f.Length, f.OpenReadStream)).ToList();
        var stored = await photos.UploadAsync(caller, id, form["kind"].FirstOrDefault(), files, idempotencyKey, ct);
        return TypedResults.Created($"/api/tickets/{id}/photos", stored);
    }

    private static async Task<Ok<IReadOnlyList<Photo>>> List(string id, Caller caller, PhotoService photos, CancellationToken ct) =>
        TypedResults.Ok(await photos.ListAsync(caller, id, ct));
}
