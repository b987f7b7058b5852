using System.Globalization;
using ServerlessService.Core.Common;
using ServerlessService.Core.Sla;

namespace ServerlessService.UnitTests;

public sealed class CalendarInputTests
{
    private static CalendarInput Input(Dictionary<string, List<string>?>? week, List<string>? holidays = null, List<string>? workingDays = null) =>
        new("Shop", "Asia/Shanghai", week, holidays, workingDays);

    private static readonly Dictionary<string, List<string>?> MondayOnly = new() { ["mon"] = ["09:00-17:00"] };

    private static ValidationFailedException Fails(CalendarInput input) => Assert.Throws<ValidationFailedException>(() => input.Validate());

    private static List<string> FieldsOf(CalendarInput input) => [.. Fails(input).Errors.Keys.Order(StringComparer.Ordinal)];

    private static List<string> Dates(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new DateOnly(2026, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];

    [Fact]
    public void NormalizesNameDaysIntervalsAndDates()
    {
        var spec = new CalendarInput(" 上海服务中心 ", "Europe/Berlin",
            new() { ["fri"] = ["13:00-17:00", " 08:00-12:00 "], ["mon"] = ["00:00-24:00"], ["sun"] = null },
            ["2026-12-25", "2026-01-01", "2026-12-25"],
            ["2026-03-07", "2026-02-28"]).Validate();

        Assert.Equal("上海服务中心", spec.Name);
        Assert.Equal("Europe/Berlin", spec.TimeZone);
        Assert.Equal(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], spec.Week.Keys);
        Assert.Equal(["00:00-24:00"], spec.Week["mon"]);
        Assert.Equal(["08:00-12:00", "13:00-17:00"], spec.Week["fri"]);
        Assert.Empty(spec.Week["tue"]);
        Assert.Empty(spec.Week["sun"]);
        Assert.Equal(["2026-01-01", "2026-12-25"], spec.Holidays);
        Assert.Equal(["2026-02-28", "2026-03-07"], spec.WorkingDays);
    }

    [Fact]
    public void AcceptsTouchingIntervalsAndAWeekdayMakeUpDay()
    {
        var spec = Input(new() { ["mon"] = ["12:00-13:00", "09:00-12:00"] }, workingDays: ["2026-03-04"]).Validate();
        Assert.Equal(["09:00-12:00", "12:00-13:00"], spec.Week["mon"]);
        Assert.Equal(["2026-03-04"], spec.WorkingDays);
        Assert.Empty(spec.Holidays);
    }

    [Fact]
    public void RequiresNameTimeZoneAndWeek() =>
        Assert.Equal(["name", "timeZone", "week"], FieldsOf(new CalendarInput(" ", null, null, null, null)));

    [Fact]
    public void RefusesALongNameAndUnknownOrNonIanaZones()
    {
        Assert.Equal(["name", "timeZone"], FieldsOf(new CalendarInput(new string('x', 101), "Mars/Olympus", MondayOnly, null, null)));
        Assert.Equal(["timeZone"], FieldsOf(new CalendarInput("Shop", "China Standard Time", MondayOnly, null, null)));
    }

    [Fact]
    public void ReportsEachBadIntervalByDayAndIndex() =>
        Assert.Equal(["week.fri[0]", "week.funday", "week.mon[1]", "week.sat[0]", "week.thu[0]", "week.tue[0]"], FieldsOf(Input(new()
        {
            ["mon"] = ["09:00-12:00", "9:00-10:00"],
            ["tue"] = ["12:00-09:00"],
            ["thu"] = ["24:00-24:00"],
            ["fri"] = ["08:00-25:00"],
            ["sat"] = ["08:60-09:00"],
            ["funday"] = ["09:00-10:00"],
        })));

    [Fact]
    public void ReportsOverlapOnTheLaterListedInterval()
    {
        var error = Fails(Input(new() { ["wed"] = ["11:00-13:00", "09:00-12:00"] }));
        Assert.Equal(["week.wed[1]"], error.Errors.Keys);
        Assert.Contains("11:00-13:00", error.Errors["week.wed[1]"][0]);
    }

    [Fact]
    public void AllowsAtMostTenIntervalsADay()
    {
        List<string> hours(int n) => [.. Enumerable.Range(0, n).Select(h => $"{h:00}:00-{h:00}:30")];
        Assert.Equal(10, Input(new() { ["mon"] = hours(10) }).Validate().Week["mon"].Count);
        Assert.Equal(["week.mon"], FieldsOf(Input(new() { ["mon"] = hours(11) })));
    }

    [Fact]
    public void RefusesAWeekWithoutAnyWorkingTime() =>
        Assert.Equal(["week"], FieldsOf(Input(new() { ["sat"] = [], ["sun"] = null })));

    [Fact]
    public void ReportsBadDatesAndADateThatIsBothHolidayAndWorkingDay()
    {
        var error = Fails(Input(MondayOnly, ["2026-02-30", "2026-1-05", "2026-10-01", "2026-10-01"], ["2026-10-01", "20261010", "2026-10-10"]));
        Assert.Equal(["holidays[0]", "holidays[1]", "workingDays[0]", "workingDays[1]"], error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("holiday", error.Errors["workingDays[0]"][0]);
    }

    [Fact]
    public void AllowsAtMostFourHundredDatesInEachList()
    {
        Assert.Equal(400, Input(MondayOnly, Dates(400)).Validate().Holidays.Count);
        Assert.Equal(["holidays", "workingDays"], FieldsOf(Input(MondayOnly, Dates(401), Dates(401))));
    }

    [Fact]
    public void TheChinaDemoValidatesWithTheOfficialMakeUpDays()
    {
        var spec = ChinaCalendar.Demo2026To2027.Validate();
        Assert.Equal("Asia/Shanghai", spec.TimeZone);
        Assert.Equal(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"], spec.WorkingDays);
        Assert.Equal(33 + 6, spec.Holidays.Count);
        Assert.Equal(["09:00-12:00", "13:30-18:00"], spec.Week["fri"]);
        Assert.Empty(spec.Week["sat"]);
    }
}
