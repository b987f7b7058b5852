namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>
/// The body of POST /api/tickets/{id}/{action} (and of the event the orchestration records); which fields count, and how
/// they are checked, is the action's (<see cref="Actions.TicketAction.Validate"/>).
/// </summary>
public sealed record ActionInput(
    string? EngineerId = null,
    string? Reason = null,
    string? Note = null,
    double? Lat = null,
    double? Lng = null,
    string? Cause = null,
    string? Solution = null,
    int? LaborMinutes = null,
    int? Score = null,
    string? Comment = null,
    string? Priority = null,
    string? SignaturePhotoId = null);
