namespace ServerlessService.Core.Sla;

/// <summary>A validated business calendar: weekly opening hours in one IANA zone, minus holidays, plus make-up working days.</summary>
/// <param name="Name">Display name, at most 100 characters.</param>
/// <param name="TimeZone">IANA zone id; the weekly hours are wall-clock times in this zone.</param>
/// <param name="Week">
/// All seven keys "mon".."sun" in that order; each value holds sorted, non-overlapping intervals "HH:mm-HH:mm"
/// (24-hour clock, start before end, end may be "24:00"); a closed day has an empty list.
/// </param>
/// <param name="Holidays">Sorted distinct dates "yyyy-MM-dd" on which nobody works, whatever the weekday.</param>
/// <param name="WorkingDays">
/// Sorted distinct make-up working days "yyyy-MM-dd" (调休补班), normally a Saturday or Sunday.
/// On a make-up day that falls on a weekend the hours of Monday apply; a make-up day on Monday–Friday keeps that
/// day's own hours, so listing it changes nothing. A date is never both a holiday and a working day.
/// </param>
public sealed record CalendarSpec(
    string Name,
    string TimeZone,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Week,
    IReadOnlyList<string> Holidays,
    IReadOnlyList<string> WorkingDays)
{
    // The order callers see in JSON and the order BusinessCalendar maps to DayOfWeek.
    public static IReadOnlyList<string> DayKeys { get; } = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public const int MaxIntervalsPerDay = 10;
    public const int MaxDates = 400;
    public const string DateFormat = "yyyy-MM-dd";
}

/// <summary>One "HH:mm-HH:mm" opening interval of a day, in minutes since local midnight.</summary>
public readonly record struct DailyInterval(int StartMinute, int EndMinute)
{
    public const int MinutesPerDay = 24 * 60;

    // Strict format so the stored form round-trips byte for byte.
    public static bool TryParse(string? text, out DailyInterval interval, out string error)
    {
        interval = default;
        var s = text?.Trim() ?? "";
        if (s.Length != 11 || s[5] != '-' || !TryMinute(s[..5], out var start) || !TryMinute(s[6..], out var end))
        {
            error = "must be an interval \"HH:mm-HH:mm\" on the 24-hour clock, e.g. \"09:00-12:00\".";
            return false;
        }
        if (start == MinutesPerDay)
        {
            error = "may not start at 24:00.";
            return false;
        }
        if (end <= start)
        {
            error = "must start before it ends.";
            return false;
        }
        interval = new DailyInterval(start, end);
        error = "";
        return true;
    }

    public override string ToString() => $"{Format(StartMinute)}-{Format(EndMinute)}";

    private static bool TryMinute(string hhmm, out int minute)
    {
        minute = 0;
        if (hhmm.Length != 5 || hhmm[2] != ':' || !hhmm.Remove(2, 1).All(char.IsAsciiDigit)) return false;
        var h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
        var m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
        // 24:00 is the only way to say "until midnight"; anything later is not a time of day.
        if (m > 59 || h > 24 || (h == 24 && m != 0)) return false;
        minute = h * 60 + m;
        return true;
    }

    private static string Format(int minute) => $"{minute / 60:00}:{minute % 60:00}";
}
