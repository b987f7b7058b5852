namespace ServerlessService.Core.Common;

/// <summary>Base of the errors the HTTP layer maps to RFC 9457 problem details.</summary>
public abstract class DomainException(string title, string detail) : Exception(detail)
{
    public string Title { get; } = title;
}

public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException("One or more fields are invalid.", "See 'errors' for the problem with each field.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

public sealed class NotFoundException(string what, string id)
    : DomainException($"{what} not found.", $"No {what.ToLowerInvariant()} '{id}' exists or it is not visible to you.");

public sealed class ConflictException(string title, string detail) : DomainException(title, detail);

public sealed class ForbiddenException(string detail) : DomainException("Not allowed.", detail);

public sealed class TooManyRequestsException(string detail, TimeSpan retryAfter) : DomainException("Too many requests.", detail)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

public sealed class UnsupportedMediaException(string field, string detail) : DomainException("Unsupported file type.", detail)
{
    public string Field { get; } = field;
}

public sealed class PayloadTooLargeException(string field, string detail) : DomainException("File too large.", detail)
{
    public string Field { get; } = field;
}

/// <summary>An action the ticket's current status does not accept; names the ones it does.</summary>
public sealed class ActionNotAllowedException(string action, string status, IReadOnlyList<string> allowed)
    : DomainException("Action not allowed in this status.",
        $"'{action}' is not possible while the ticket is {status}. Possible now: {(allowed.Count == 0 ? "none" : string.Join(", ", allowed))}.")
{
    public IReadOnlyList<string> AllowedActions { get; } = allowed;
}

/// <summary>A service we depend on (the SMS gateway) is down; the caller may retry later.</summary>
public sealed class ServiceUnavailableException(string detail) : DomainException("Service unavailable.", detail);

/// <summary>Credentials that do not (or no longer) prove who the caller is, e.g. an expired or revoked job link.</summary>
public sealed class UnauthorizedException(string detail) : DomainException("Not signed in.", detail);
