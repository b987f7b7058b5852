using System.Globalization;
using ServerlessService.Core.Sla;

namespace ServerlessService.UnitTests;

public sealed class BusinessCalendarTests
{
    // Mon–Fri 09:00–12:00 and 13:30–18:00 (7.5 h a day) in Asia/Shanghai (+08:00, no DST), with the 2026 holidays.
    private static readonly BusinessCalendar China = BusinessCalendar.From(ChinaCalendar.Demo2026To2027.Validate());

    private static readonly string[] OfficeHours = ["09:00-12:00", "13:30-18:00"];

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    // Formatting with the offset checks both the instant and that results come back in UTC.
    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static BusinessCalendar Calendar(string zone, Dictionary<string, List<string>?> week, List<string>? holidays = null, List<string>? workingDays = null) =>
        BusinessCalendar.From(new CalendarInput("Test", zone, week, holidays, workingDays).Validate());

    private static BusinessCalendar Berlin(string day, params string[] hours) =>
        Calendar("Europe/Berlin", new() { [day] = [.. hours] });

    [Fact]
    public void SkipsTheLunchBreak() =>
        Assert.Equal("2026-03-02T06:30:00+00:00", Iso(China.Add(At("2026-03-02T11:00:00+08:00"), TimeSpan.FromHours(2))));

    [Fact]
    public void EndsAtNoonWhenTheTimeRunsOutExactlyAtTheIntervalEnd() =>
        Assert.Equal("2026-03-02T04:00:00+00:00", Iso(China.Add(At("2026-03-02T11:00:00+08:00"), TimeSpan.FromHours(1))));

    [Fact]
    public void StartsCountingAtOpeningWhenStartedBeforeIt() =>
        Assert.Equal("2026-03-02T02:00:00+00:00", Iso(China.Add(At("2026-03-02T07:00:00+08:00"), TimeSpan.FromHours(1))));

    [Fact]
    public void StartedInTheEveningItRunsFromTheNextMorning() =>
        Assert.Equal("2026-03-03T02:00:00+00:00", Iso(China.Add(At("2026-03-02T19:00:00+08:00"), TimeSpan.FromHours(1))));

    [Fact]
    public void FridayAfternoonCarriesOverTheWeekendToMonday() =>
        Assert.Equal("2026-03-09T02:00:00+00:00", Iso(China.Add(At("2026-03-06T17:00:00+08:00"), TimeSpan.FromHours(2))));

    [Fact]
    public void SkipsAHolidayMonday() =>
        // Qingming: Sat 4 – Mon 6 April 2026 are off, so Friday's remainder continues on Tuesday.
        Assert.Equal("2026-04-07T02:00:00+00:00", Iso(China.Add(At("2026-04-03T17:00:00+08:00"), TimeSpan.FromHours(2))));

    [Fact]
    public void CountsAMakeUpSaturdayWithMondaysHours()
    {
        Assert.Equal("2026-10-10T02:00:00+00:00", Iso(China.Add(At("2026-10-09T17:00:00+08:00"), TimeSpan.FromHours(2))));
        Assert.Equal("2026-10-10T06:30:00+00:00", Iso(China.Add(At("2026-10-10T11:00:00+08:00"), TimeSpan.FromHours(2))));
    }

    [Fact]
    public void AMakeUpDayUsesMondaysHoursNotThoseOfAnotherWeekday()
    {
        var calendar = Calendar("Asia/Shanghai", new()
        {
            ["mon"] = ["08:00-10:00"],
            ["tue"] = ["09:00-17:00"],
            ["fri"] = ["09:00-17:00"],
        }, workingDays: ["2026-03-07"]);
        Assert.Equal("2026-03-07T01:00:00+00:00", Iso(calendar.Add(At("2026-03-07T07:00:00+08:00"), TimeSpan.FromHours(1))));
        Assert.Equal(TimeSpan.FromHours(2), calendar.Between(At("2026-03-07T00:00:00+08:00"), At("2026-03-08T00:00:00+08:00")));
        // The Saturday after is an ordinary closed day.
        Assert.Equal(TimeSpan.Zero, calendar.Between(At("2026-03-14T00:00:00+08:00"), At("2026-03-15T00:00:00+08:00")));
    }

    [Fact]
    public void FortyBusinessHoursAreFiveDaysAndTwoAndAHalfHours() =>
        // 5 × 7.5 h = 37.5 h Mon 2 – Fri 6 March; the last 2.5 h run 09:00–11:30 on Monday 9 March.
        Assert.Equal("2026-03-09T03:30:00+00:00", Iso(China.Add(At("2026-03-02T09:00:00+08:00"), TimeSpan.FromHours(40))));

    [Fact]
    public void TwentyBusinessDaysEndAtFridayClosingFourWeeksLater() =>
        Assert.Equal("2026-03-27T10:00:00+00:00", Iso(China.Add(At("2026-03-02T09:00:00+08:00"), TimeSpan.FromHours(150))));

    [Fact]
    public void SpringFestivalMakeUpSaturdayCountsAndTheNineDayBreakDoesNot()
    {
        var start = At("2026-02-13T09:00:00+08:00");
        Assert.Equal("2026-02-14T10:00:00+00:00", Iso(China.Add(start, TimeSpan.FromHours(15))));
        Assert.Equal("2026-02-24T10:00:00+00:00", Iso(China.Add(start, TimeSpan.FromHours(22.5))));
    }

    [Fact]
    public void BetweenLeavesOutLunchWeekendsAndHolidays()
    {
        Assert.Equal(TimeSpan.FromHours(2), China.Between(At("2026-03-02T11:00:00+08:00"), At("2026-03-02T14:30:00+08:00")));
        Assert.Equal(TimeSpan.FromHours(2), China.Between(At("2026-03-06T17:00:00+08:00"), At("2026-03-09T10:00:00+08:00")));
        // National Day: 1–7 October 2026 are off.
        Assert.Equal(TimeSpan.FromHours(2), China.Between(At("2026-09-30T17:00:00+08:00"), At("2026-10-08T10:00:00+08:00")));
    }

    [Fact]
    public void TheYear2026Holds248WorkingDays() =>
        // 261 weekdays − 19 weekday holidays + 6 make-up days = 248 days × 7.5 h.
        Assert.Equal(TimeSpan.FromHours(1860), China.Between(At("2026-01-01T00:00:00+08:00"), At("2027-01-01T00:00:00+08:00")));

    [Fact]
    public void BetweenIsZeroWhenToIsNotAfterFrom()
    {
        var t = At("2026-03-02T10:00:00+08:00");
        Assert.Equal(TimeSpan.Zero, China.Between(t, t));
        Assert.Equal(TimeSpan.Zero, China.Between(t, t.AddHours(-3)));
    }

    [Theory]
    [InlineData("2026-03-02T09:00:00+08:00")]
    [InlineData("2026-03-02T11:59:00+08:00")]
    [InlineData("2026-03-06T17:30:00+08:00")]
    [InlineData("2026-02-14T13:30:00+08:00")]
    [InlineData("2026-09-30T15:45:00+08:00")]
    [InlineData("2026-03-07T10:00:00+08:00")]
    public void BetweenUndoesAdd(string start)
    {
        var s = At(start);
        foreach (var d in new[] { TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromHours(7.5), TimeSpan.FromHours(40), TimeSpan.FromHours(300) })
            Assert.Equal(d, China.Between(s, China.Add(s, d)));
    }

    [Fact]
    public void BetweenUndoesAddAcrossDaylightSavingChanges()
    {
        var calendar = Calendar("Europe/Berlin", new() { ["sun"] = ["00:00-06:00", "22:00-24:00"], ["mon"] = ["02:30-03:30"] });
        var s = At("2026-03-28T12:00:00+01:00");
        foreach (var d in new[] { TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(100), TimeSpan.FromHours(1000) })
            Assert.Equal(d, calendar.Between(s, calendar.Add(s, d)));
    }

    [Fact]
    public void AlwaysOpenCountsRealTime()
    {
        var start = At("2026-03-07T23:00:00+08:00");
        Assert.Equal("2026-03-07T17:00:00+00:00", Iso(BusinessCalendar.AlwaysOpen.Add(start, TimeSpan.FromHours(2))));
        Assert.Equal(TimeSpan.FromHours(49), BusinessCalendar.AlwaysOpen.Between(start, At("2026-03-10T00:00:00+08:00")));
        Assert.Equal(TimeSpan.Zero, BusinessCalendar.AlwaysOpen.Between(start, start.AddTicks(-1)));
    }

    [Fact]
    public void AddingNothingReturnsTheStartUnchanged()
    {
        var start = At("2026-03-07T23:00:00+08:00");
        Assert.Equal("2026-03-07T23:00:00+08:00", Iso(China.Add(start, TimeSpan.Zero)));
        Assert.Equal("2026-03-07T23:00:00+08:00", Iso(BusinessCalendar.AlwaysOpen.Add(start, TimeSpan.Zero)));
    }

    [Fact]
    public void RefusesNegativeDurations()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => China.Add(At("2026-03-02T10:00:00+08:00"), TimeSpan.FromTicks(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.AlwaysOpen.Add(At("2026-03-02T10:00:00+08:00"), TimeSpan.FromHours(-1)));
    }

    [Fact]
    public void CarriesOverTheSpringForwardWeekendInBerlin()
    {
        var calendar = Calendar("Europe/Berlin", new() { ["mon"] = ["09:00-17:00"], ["tue"] = ["09:00-17:00"], ["wed"] = ["09:00-17:00"], ["thu"] = ["09:00-17:00"], ["fri"] = ["09:00-17:00"] });
        Assert.Equal("2026-03-30T08:00:00+00:00", Iso(calendar.Add(At("2026-03-27T16:00:00+01:00"), TimeSpan.FromHours(2))));
    }

    [Fact]
    public void ASpringForwardNightHoldsFiveRealHours()
    {
        var calendar = Berlin("sun", "00:00-06:00");
        Assert.Equal(TimeSpan.FromHours(5), calendar.Between(At("2026-03-29T00:00:00+01:00"), At("2026-03-29T06:00:00+02:00")));
        Assert.Equal("2026-03-29T04:00:00+00:00", Iso(calendar.Add(At("2026-03-29T00:00:00+01:00"), TimeSpan.FromHours(5))));
        // The week before is an ordinary six-hour night.
        Assert.Equal(TimeSpan.FromHours(6), calendar.Between(At("2026-03-22T00:00:00+01:00"), At("2026-03-23T00:00:00+01:00")));
    }

    [Fact]
    public void AnIntervalStartingInTheGapOpensWhenTheClockResumes()
    {
        // 02:30 does not exist on 29 March 2026 in Berlin; the interval opens at 03:00 CEST = 01:00Z.
        var calendar = Berlin("sun", "02:30-06:00");
        Assert.Equal("2026-03-29T02:00:00+00:00", Iso(calendar.Add(At("2026-03-29T00:00:00+01:00"), TimeSpan.FromHours(1))));
        Assert.Equal(TimeSpan.FromHours(3), calendar.Between(At("2026-03-29T00:00:00+01:00"), At("2026-03-30T00:00:00+02:00")));
    }

    [Fact]
    public void AFallBackNightHoldsSevenRealHoursAndAnAmbiguousStartIsItsFirstOccurrence()
    {
        var day = (At("2026-10-25T00:00:00+02:00"), At("2026-10-26T00:00:00+01:00"));
        Assert.Equal(TimeSpan.FromHours(7), Berlin("sun", "00:00-06:00").Between(day.Item1, day.Item2));
        // 02:30 first happens at 02:30 CEST = 00:30Z; 06:00 CET = 05:00Z.
        var ambiguous = Berlin("sun", "02:30-06:00");
        Assert.Equal(TimeSpan.FromHours(4.5), ambiguous.Between(day.Item1, day.Item2));
        Assert.Equal("2026-10-25T01:30:00+00:00", Iso(ambiguous.Add(day.Item1, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void TheChinaDemoKeepsNationalDayOffAndWorksTheMakeUpSaturday()
    {
        var spec = ChinaCalendar.Demo2026To2027.Validate();
        Assert.Contains("2026-10-01", spec.Holidays);
        Assert.Contains("2026-10-10", spec.WorkingDays);
        Assert.Equal(TimeSpan.Zero, China.Between(At("2026-10-01T00:00:00+08:00"), At("2026-10-02T00:00:00+08:00")));
        Assert.Equal(TimeSpan.FromHours(7.5), China.Between(At("2026-10-10T00:00:00+08:00"), At("2026-10-11T00:00:00+08:00")));
        // An ordinary Saturday stays closed.
        Assert.Equal(TimeSpan.Zero, China.Between(At("2026-10-17T00:00:00+08:00"), At("2026-10-18T00:00:00+08:00")));
    }

    [Fact]
    public void GivesUpAfterThreeYearsWithoutWorkingTime()
    {
        static BusinessCalendar MondaysOnly(int holidayMondays) => Calendar("Asia/Shanghai", new() { ["mon"] = ["09:00-10:00"] },
            holidays: [.. Enumerable.Range(0, holidayMondays).Select(i => new DateOnly(2026, 1, 5).AddDays(7 * i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
        var start = At("2026-01-05T00:00:00+08:00");

        // 150 holiday Mondays are under three years: the first open Monday is 2028-11-20.
        Assert.Equal("2028-11-20T02:00:00+00:00", Iso(MondaysOnly(150).Add(start, TimeSpan.FromHours(1))));
        var error = Assert.Throws<InvalidOperationException>(() => MondaysOnly(170).Add(start, TimeSpan.FromHours(1)));
        Assert.Contains("3 years", error.Message);
    }
}
