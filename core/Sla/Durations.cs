using System.Globalization;
using System.Text.RegularExpressions;

namespace ServerlessService.Core.Sla;

/// <summary>SLA durations as "hh:mm:ss" where hours may exceed 24 (e.g. "72:00:00"), the form policies are written in.</summary>
public static partial class Durations
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        var m = text is null ? null : Pattern().Match(text.Trim());
        if (m is null || !m.Success) return false;
        value = new TimeSpan(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
        return true;
    }

    public static string Format(TimeSpan t)
    {
        var sign = t < TimeSpan.Zero ? "-" : "";
        t = t.Duration();
        return $"{sign}{(long)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}";
    }

    [GeneratedRegex(@"^(\d{1,4}):([0-5]\d):([0-5]\d)$")]
    private static partial Regex Pattern();
}
