using ServerlessService.Core.Common;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>
/// Why the orchestration refused an event it had accepted for delivery (the ticket changed meanwhile), kept with the
/// event so the API answers it as the same problem a synchronous check would have raised.
/// </summary>
public sealed record Refusal(
    string Type, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null,
    string? Action = null, string? Status = null, IReadOnlyList<string>? Allowed = null)
{
    public static Refusal Of(DomainException e, string action, string status) => e switch
    {
        ActionNotAllowedException n => new("not-allowed", e.Title, e.Message, Action: action, Status: status, Allowed: n.AllowedActions),
        ValidationFailedException v => new("validation", e.Title, e.Message, Errors: v.Errors),
        ForbiddenException => new("forbidden", e.Title, e.Message),
        NotFoundException => new("not-found", e.Title, e.Message),
        _ => new("conflict", e.Title, e.Message),
    };

    public DomainException ToException() => Type switch
    {
        "not-allowed" => new ActionNotAllowedException(Action ?? "", Status ?? "", Allowed ?? []),
        "validation" => new ValidationFailedException(Errors ?? new Dictionary<string, string[]>()),
        "forbidden" => new ForbiddenException(Detail),
        "not-found" => new ConflictException(Title, Detail),
        _ => new ConflictException(Title, Detail),
    };
}
