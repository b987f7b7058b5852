namespace ServerlessService.Core.Common;

/// <summary>Time-ordered ids (UUID v7) with a readable prefix, safe in URLs and table keys.</summary>
public static class Ids
{
    public static string New(string prefix) => $"{prefix}-{Guid.CreateVersion7():N}";

    public static bool LooksValid(string? id, string prefix) =>
        id is not null && id.Length == prefix.Length + 33 && id.StartsWith(prefix + "-", StringComparison.Ordinal)
        && id.AsSpan(prefix.Length + 1).ContainsOnlyHex();

    private static bool ContainsOnlyHex(this ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiHexDigitLower(c)) return false;
        return true;
    }
}
