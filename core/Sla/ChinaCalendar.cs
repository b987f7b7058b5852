namespace ServerlessService.Core.Sla;

/// <summary>A ready-made calendar for mainland China, for demos and as a starting point an admin can edit.</summary>
public static class ChinaCalendar
{
    /// <summary>
    /// Mainland China office hours (Mon–Fri 09:00–12:00 and 13:30–18:00, Asia/Shanghai) with public holidays and
    /// make-up working days (调休补班).
    /// <para>
    /// 2026: every holiday and make-up day of the State Council General Office notice
    /// 《国务院办公厅关于2026年部分节假日安排的通知》 dated 2025-11-04 (published by Xinhua, e.g.
    /// https://politics.gmw.cn/2025-11/04/content_38391083.htm): New Year Jan 1–3 (make-up Sun Jan 4), Spring Festival
    /// Feb 15–23 (make-up Sat Feb 14 and Sat Feb 28), Qingming Apr 4–6, Labour Day May 1–5 (make-up Sat May 9),
    /// Dragon Boat Jun 19–21, Mid-Autumn Sep 25–27, National Day Oct 1–7 (make-up Sun Sep 20 and Sat Oct 10).
    /// </para>
    /// <para>
    /// 2027: the official schedule was not available when this was written. Only the fixed-date statutory holidays of
    /// 《全国年节及纪念日放假办法》 (as amended with effect from 2025-01-01) are included: Jan 1, May 1–2 and Oct 1–3.
    /// The lunar and solar-term holidays (Spring Festival, Qingming, Dragon Boat, Mid-Autumn), the bridging days and
    /// all 2027 make-up working days are NOT included and must be filled in by an admin via the API once published.
    /// </para>
    /// </summary>
    // A new instance per call so one caller's edits to the lists never leak into another's.
    public static CalendarInput Demo2026To2027 => new(
        "中国大陆工作日 / China mainland business hours",
        "Asia/Shanghai",
        new Dictionary<string, List<string>?>
        {
            ["mon"] = ["09:00-12:00", "13:30-18:00"],
            ["tue"] = ["09:00-12:00", "13:30-18:00"],
            ["wed"] = ["09:00-12:00", "13:30-18:00"],
            ["thu"] = ["09:00-12:00", "13:30-18:00"],
            ["fri"] = ["09:00-12:00", "13:30-18:00"],
            ["sat"] = [],
            ["sun"] = [],
        },
        [
            // 2026, State Council notice of 2025-11-04.
            .. Days(2026, 1, 1, 3),     // 元旦
            .. Days(2026, 2, 15, 23),   // 春节
            .. Days(2026, 4, 4, 6),     // 清明节
            .. Days(2026, 5, 1, 5),     // 劳动节
            .. Days(2026, 6, 19, 21),   // 端午节
            .. Days(2026, 9, 25, 27),   // 中秋节
            .. Days(2026, 10, 1, 7),    // 国庆节
            // 2027, fixed-date statutory days only; the rest is left to an admin.
            "2027-01-01",
            .. Days(2027, 5, 1, 2),
            .. Days(2027, 10, 1, 3),
        ],
        ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]);

    private static IEnumerable<string> Days(int year, int month, int firstDay, int lastDay) =>
        Enumerable.Range(firstDay, lastDay - firstDay + 1).Select(d => $"{year:0000}-{month:00}-{d:00}");
}
