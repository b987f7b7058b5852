namespace ServerlessService.Core.Common;

public sealed record Paged<T>(IReadOnlyList<T> Items, string? ContinuationToken);

public sealed record PageRequest(int Size, string? ContinuationToken)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    /// <summary>From query-string values; a malformed size is a field error, not a binding failure.</summary>
    public static PageRequest From(string? pageSize, string? token)
    {
        var check = new Check();
        int? size = null;
        if (pageSize is not null)
        {
            if (int.TryParse(pageSize, out var n)) size = n;
            else check.Add("pageSize", "must be a whole number.");
        }
        if (size is not null) check.Range("pageSize", size, 1, MaxSize);
        if (token is { Length: > 2048 }) check.Add("continuationToken", "is too long.");
        check.ThrowIfAny();
        return new PageRequest(size ?? DefaultSize, string.IsNullOrWhiteSpace(token) ? null : token);
    }
}
