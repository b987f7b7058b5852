namespace ServerlessService.IntegrationTests;

public static class Calendars
{
    /// <summary>Shanghai office hours with a lunch break, the 2026 National Day holidays and the make-up Saturday.</summary>
    public static object Body(string name = "上海办公时间") => new
    {
        name,
        timeZone = "Asia/Shanghai",
        week = new Dictionary<string, string[]>
        {
            ["mon"] = ["09:00-12:00", "13:30-18:00"], ["tue"] = ["09:00-12:00", "13:30-18:00"], ["wed"] = ["09:00-12:00", "13:30-18:00"],
            ["thu"] = ["09:00-12:00", "13:30-18:00"], ["fri"] = ["09:00-12:00", "13:30-18:00"], ["sat"] = [], ["sun"] = [],
        },
        holidays = new[] { "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07" },
        workingDays = new[] { "2026-10-10" },
    };
}
