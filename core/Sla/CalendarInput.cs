using System.Globalization;
using ServerlessService.Core.Common;

namespace ServerlessService.Core.Sla;

/// <summary>A business calendar as sent by an admin; <see cref="Validate"/> turns it into a <see cref="CalendarSpec"/>.</summary>
public sealed record CalendarInput(
    string? Name,
    string? TimeZone,
    Dictionary<string, List<string>?>? Week,
    List<string>? Holidays,
    List<string>? WorkingDays)
{
    /// <summary>Reports every bad field at once, or returns the normalized spec (all seven days, sorted intervals and dates).</summary>
    /// <exception cref="ValidationFailedException">One or more fields are invalid.</exception>
    public CalendarSpec Validate()
    {
        var check = new Check();
        var name = check.Text("name", Name, 100);
        var zone = ValidateZone(check, TimeZone);
        var week = ValidateWeek(check, Week);
        var holidays = ValidateDates(check, "holidays", Holidays);
        var workingDays = ValidateDates(check, "workingDays", WorkingDays);

        // A holiday always wins, so listing it as a working day too is a mistake worth telling about.
        var holidaySet = holidays.Select(h => h.Date).ToHashSet();
        foreach (var (date, index) in workingDays)
            if (holidaySet.Contains(date)) check.Add($"workingDays[{index}]", "is also listed as a holiday; a date can be only one of them.");

        check.ThrowIfAny();
        return new CalendarSpec(name!, zone!, week, Sorted(holidays), Sorted(workingDays));
    }

    private static string? ValidateZone(Check check, string? value)
    {
        var id = check.Text("timeZone", value, 64);
        if (id is null) return null;
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            // Windows ids resolve on some hosts but not others; stored calendars must work everywhere.
            if (zone.HasIanaId) return id;
        }
        catch (TimeZoneNotFoundException) { }
        catch (InvalidTimeZoneException) { }
        check.Add("timeZone", "must be an IANA time zone id, e.g. Asia/Shanghai.");
        return null;
    }

    private static Dictionary<string, IReadOnlyList<string>> ValidateWeek(Check check, Dictionary<string, List<string>?>? week)
    {
        var result = CalendarSpec.DayKeys.ToDictionary(d => d, _ => (IReadOnlyList<string>)[], StringComparer.Ordinal);
        if (week is null)
        {
            check.Add("week", "is required; give the opening hours per day, e.g. {\"mon\": [\"09:00-18:00\"]}.");
            return result;
        }

        var anyInterval = false;
        foreach (var (key, intervals) in week)
        {
            var field = $"week.{key}";
            if (!result.ContainsKey(key))
            {
                check.Add(field, $"is not a day; use {string.Join(", ", CalendarSpec.DayKeys)}.");
                continue;
            }
            if (intervals is null || intervals.Count == 0) continue;
            anyInterval = true;
            if (intervals.Count > CalendarSpec.MaxIntervalsPerDay)
            {
                check.Add(field, $"may hold at most {CalendarSpec.MaxIntervalsPerDay} intervals.");
                continue;
            }

            var parsed = new List<(DailyInterval Interval, int Index)>();
            for (var i = 0; i < intervals.Count; i++)
            {
                if (DailyInterval.TryParse(intervals[i], out var interval, out var error)) parsed.Add((interval, i));
                else check.Add($"{field}[{i}]", error);
            }

            parsed.Sort((a, b) => a.Interval.StartMinute.CompareTo(b.Interval.StartMinute));
            // Touching intervals (12:00 end, 12:00 start) are fine; only real overlap double-counts time.
            for (var i = 1; i < parsed.Count; i++)
                if (parsed[i].Interval.StartMinute < parsed[i - 1].Interval.EndMinute)
                {
                    var (later, earlier) = parsed[i].Index > parsed[i - 1].Index ? (parsed[i], parsed[i - 1]) : (parsed[i - 1], parsed[i]);
                    check.Add($"{field}[{later.Index}]", $"overlaps {earlier.Interval} ({field}[{earlier.Index}]).");
                }

            result[key] = parsed.Select(p => p.Interval.ToString()).ToArray();
        }

        // Without any opening hours an SLA clock would never run.
        if (!anyInterval) check.Add("week", "must contain at least one working interval.");
        return result;
    }

    private static List<(DateOnly Date, int Index)> ValidateDates(Check check, string field, List<string>? values)
    {
        var result = new List<(DateOnly, int)>();
        if (values is null) return result;
        if (values.Count > CalendarSpec.MaxDates)
        {
            check.Add(field, $"may hold at most {CalendarSpec.MaxDates} dates.");
            return result;
        }
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < values.Count; i++)
        {
            if (!DateOnly.TryParseExact(values[i]?.Trim(), CalendarSpec.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                check.Add($"{field}[{i}]", "must be a date yyyy-MM-dd, e.g. 2026-10-01.");
            else if (seen.Add(date))
                result.Add((date, i));
        }
        return result;
    }

    private static string[] Sorted(List<(DateOnly Date, int Index)> dates) =>
        dates.Select(d => d.Date).Order().Select(d => d.ToString(CalendarSpec.DateFormat, CultureInfo.InvariantCulture)).ToArray();
}
