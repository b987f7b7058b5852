using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ServerlessService.Core.Common;

namespace ServerlessService.Api.Hosting;

/// <summary>Maps domain errors and unreadable requests to RFC 9457 problem details with field-level errors.</summary>
public sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            ValidationFailedException v => Fields(400, v.Title, v.Message, v.Errors),
            NotFoundException e => Plain(404, e),
            ConflictException e => Plain(409, e),
            ActionNotAllowedException e => WithAllowed(e),
            ForbiddenException e => Plain(403, e),
            UnauthorizedException e => Plain(401, e),
            ServiceUnavailableException e => Plain(503, e),
            TooManyRequestsException e => RetryLater(http, e),
            UnsupportedMediaException e => Fields(415, e.Title, e.Message, new Dictionary<string, string[]> { [e.Field] = [e.Message] }),
            PayloadTooLargeException e => Fields(413, e.Title, e.Message, new Dictionary<string, string[]> { [e.Field] = [e.Message] }),
            BadHttpRequestException b => Unreadable(b),
            _ => null,
        };
        if (problem is null)
        {
            log.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
            return false;
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Plain(int status, DomainException e) => new() { Status = status, Title = e.Title, Detail = e.Message };

    private static ProblemDetails WithAllowed(ActionNotAllowedException e)
    {
        var p = Plain(409, e);
        p.Extensions["allowedActions"] = e.AllowedActions;
        return p;
    }

    private static ProblemDetails Fields(int status, string title, string detail, IReadOnlyDictionary<string, string[]> errors) =>
        new ValidationProblemDetails(errors.ToDictionary(kv => kv.Key, kv => kv.Value)) { Status = status, Title = title, Detail = detail };

    private static ProblemDetails RetryLater(HttpContext http, TooManyRequestsException e)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(e.RetryAfter.TotalSeconds)).ToString();
        return Plain(429, e);
    }

    /// <summary>Malformed JSON, wrong types, missing bodies, oversized requests, wrong content types.</summary>
    private static ProblemDetails Unreadable(BadHttpRequestException b)
    {
        var json = b.InnerException as JsonException ?? b.InnerException?.InnerException as JsonException;
        if (json is not null)
        {
            var field = json.Path is null or "$" ? "body" : json.Path.TrimStart('$', '.');
            var message = json.Path is null ? "is not valid JSON." : "has the wrong type or is malformed.";
            return Fields(400, "The request body could not be read.", $"The JSON body could not be read at '{field}'.", new Dictionary<string, string[]> { [field] = [message] });
        }
        return b.StatusCode switch
        {
            413 => new ProblemDetails { Status = 413, Title = "Request too large.", Detail = b.Message },
            415 => new ProblemDetails { Status = 415, Title = "Unsupported content type.", Detail = "Send the body as application/json." },
            _ when b.Message.Contains("body", StringComparison.OrdinalIgnoreCase) => Fields(400, "The request body could not be read.", b.Message,
                new Dictionary<string, string[]> { ["body"] = ["a JSON body is required."] }),
            _ => new ProblemDetails { Status = b.StatusCode, Title = "Bad request.", Detail = b.Message },
        };
    }
}
