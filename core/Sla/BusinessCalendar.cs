using System.Globalization;

namespace ServerlessService.Core.Sla;

/// <summary>
/// Counts business time: the real elapsed time inside a calendar's working intervals.
/// Intervals are wall-clock times in the calendar's zone; a local time inside a daylight-saving gap means the first
/// instant after the gap, and an ambiguous local time (clocks going back) means its first occurrence.
/// </summary>
public sealed class BusinessCalendar
{
    // A validated calendar always has some weekly hours, but 400 holidays on its only open weekday can still
    // blank out more than three years; past that we stop instead of walking towards DateOnly.MaxValue.
    private const int MaxIdleDays = 3 * 366;

    private readonly TimeZoneInfo? _zone;
    private readonly DailyInterval[][] _byDayOfWeek = new DailyInterval[7][];
    private readonly HashSet<DateOnly> _holidays = [];
    private readonly HashSet<DateOnly> _workingDays = [];

    private BusinessCalendar(TimeZoneInfo? zone) => _zone = zone;

    /// <summary>A 24x7 calendar: business time equals real time.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(null);

    /// <summary>Builds the arithmetic for a spec that <see cref="CalendarInput.Validate"/> produced.</summary>
    /// <exception cref="ArgumentException">The spec holds a malformed interval or date.</exception>
    public static BusinessCalendar From(CalendarSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var calendar = new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById(spec.TimeZone));
        for (var i = 0; i < CalendarSpec.DayKeys.Count; i++)
        {
            var key = CalendarSpec.DayKeys[i];
            var texts = spec.Week.TryGetValue(key, out var list) ? list : [];
            var intervals = texts.Select(t => DailyInterval.TryParse(t, out var interval, out var error)
                    ? interval
                    : throw new ArgumentException($"week.{key}: '{t}' {error}", nameof(spec)))
                .OrderBy(x => x.StartMinute)
                .ToArray();
            // DayKeys start on Monday while DayOfWeek starts on Sunday.
            calendar._byDayOfWeek[(i + 1) % 7] = intervals;
        }
        foreach (var d in spec.Holidays) calendar._holidays.Add(ParseDate(d, nameof(spec)));
        foreach (var d in spec.WorkingDays) calendar._workingDays.Add(ParseDate(d, nameof(spec)));
        return calendar;
    }

    /// <summary>The instant at which <paramref name="businessTime"/> of working time has elapsed counting from <paramref name="start"/>.</summary>
    /// <remarks>
    /// Zero returns <paramref name="start"/> unchanged. Starting outside working time counts from the next interval;
    /// time that runs out exactly at an interval's end answers that end, not the next opening. Results are in UTC.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessTime"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The calendar has no working time for more than three years.</exception>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(businessTime, TimeSpan.Zero);
        if (businessTime == TimeSpan.Zero) return start;
        if (_zone is null) return (start + businessTime).ToUniversalTime();

        var remaining = businessTime;
        var idleDays = 0;
        // The day before too: its intervals may run up to local midnight and be mapped across a zone change.
        for (var day = LocalDate(start).AddDays(-1); ; day = day.AddDays(1))
        {
            var worked = false;
            foreach (var (from, to) in Intervals(day))
            {
                if (to <= start) continue;
                worked = true;
                var begin = from > start ? from : start;
                var available = to - begin;
                if (remaining <= available) return (begin + remaining).ToUniversalTime();
                remaining -= available;
            }
            idleDays = worked ? 0 : idleDays + 1;
            if (idleDays > MaxIdleDays)
                throw new InvalidOperationException(
                    $"The business calendar has no working time for more than 3 years after {day.AddDays(-MaxIdleDays):yyyy-MM-dd}; check its weekly hours and holidays.");
        }
    }

    /// <summary>Working time inside [<paramref name="from"/>, <paramref name="to"/>); zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        if (_zone is null) return to - from;

        var total = TimeSpan.Zero;
        var last = LocalDate(to).AddDays(1);
        for (var day = LocalDate(from).AddDays(-1); day <= last; day = day.AddDays(1))
            foreach (var (a, b) in Intervals(day))
            {
                var begin = a > from ? a : from;
                var end = b < to ? b : to;
                if (end > begin) total += end - begin;
            }
        return total;
    }

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone!).DateTime);

    // The working intervals of one local date as instants, skipping any that a DST gap shrank to nothing.
    private IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Intervals(DateOnly day)
    {
        if (_holidays.Contains(day)) yield break;
        var dow = day.DayOfWeek;
        var isWeekend = dow is DayOfWeek.Saturday or DayOfWeek.Sunday;
        // A make-up Saturday or Sunday works Monday's hours; listing a weekday changes nothing.
        var hours = isWeekend && _workingDays.Contains(day) ? _byDayOfWeek[(int)DayOfWeek.Monday] : _byDayOfWeek[(int)dow];
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        foreach (var interval in hours)
        {
            var from = ToInstant(midnight.AddMinutes(interval.StartMinute));
            var to = ToInstant(midnight.AddMinutes(interval.EndMinute));
            if (to > from) yield return (from, to);
        }
    }

    private DateTimeOffset ToInstant(DateTime local)
    {
        var zone = _zone!;
        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier instant: the first time the clock shows this wall time.
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }
        if (!zone.IsInvalidTime(local)) return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        return FirstInstantAfterGap(zone, local);
    }

    // Wall time inside a spring-forward gap never happens; the clock resumes at the transition instant.
    private static DateTimeOffset FirstInstantAfterGap(TimeZoneInfo zone, DateTime local)
    {
        var resumed = local;
        // Gaps are an hour or two (Samoa once skipped a day), so a minute walk ends quickly.
        for (var guard = 0; zone.IsInvalidTime(resumed); guard++)
        {
            if (guard > 3 * 24 * 60) throw new InvalidOperationException($"Local time {local:s} in {zone.Id} stays invalid for days.");
            resumed = resumed.AddMinutes(1);
        }
        var after = new DateTimeOffset(resumed, zone.GetUtcOffset(resumed)).ToUniversalTime();
        var newOffset = zone.GetUtcOffset(after);
        // The transition lies within the last minute when a zone changes on an odd second; find it exactly.
        long lo = after.UtcTicks - TimeSpan.TicksPerMinute, hi = after.UtcTicks;
        while (hi - lo > 1)
        {
            var mid = lo + (hi - lo) / 2;
            if (zone.GetUtcOffset(new DateTimeOffset(mid, TimeSpan.Zero)) == newOffset) hi = mid;
            else lo = mid;
        }
        return new DateTimeOffset(hi, TimeSpan.Zero);
    }

    private static DateOnly ParseDate(string text, string paramName) =>
        DateOnly.TryParseExact(text, CalendarSpec.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ArgumentException($"'{text}' is not a date yyyy-MM-dd.", paramName);
}
