using ServerlessService.Core.Common;

namespace ServerlessService.Core.Tickets;

/// <summary>The engineer's report when resolving (完工).</summary>
public sealed record Resolution(string Cause, string Solution, int LaborMinutes, DateTimeOffset ResolvedAt, string ResolvedBy);

/// <summary>The customer's satisfaction rating (满意度评价), 1–5.</summary>
public sealed record Rating(int Score, string? Comment, DateTimeOffset RatedAt);

/// <summary>The customer's signature (客户签字): a photo of kind "signature", given when resolving on the engineer's phone or when confirming.</summary>
public sealed record Signature(string PhotoId, DateTimeOffset SignedAt, string CollectedBy);

/// <summary>What happened on the job so far; filled in by lifecycle actions.</summary>
public sealed record TicketWork(
    DateTimeOffset? AcceptedAt = null,
    DateTimeOffset? DepartedAt = null,
    DateTimeOffset? ArrivedAt = null,
    GeoPoint? ArrivalLocation = null,
    string? PauseReason = null,
    string? PauseNote = null,
    TicketStatus? ReturnStatus = null,
    Resolution? Resolution = null,
    Rating? Rating = null,
    Signature? Signature = null,
    IReadOnlyList<string>? DeclinedBy = null,
    DateTimeOffset? ClosedAt = null,
    string? CancelReason = null,
    double? ArrivalDistanceKm = null);
