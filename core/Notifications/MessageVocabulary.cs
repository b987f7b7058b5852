namespace ServerlessService.Core.Notifications;

/// <summary>
/// The words messages use for the codes a step puts in their values: fault categories, priorities, SLA metrics and
/// "as soon as possible" for a visit without a preferred window. A value with no word (free text, an admin's new
/// code) is kept as it is.
/// </summary>
public static class MessageVocabulary
{
    /// <summary>The window value of a ticket without a preferred visit time.</summary>
    public const string Asap = "asap";

    private static readonly Dictionary<string, Dictionary<(string Code, string Language), string>> Words = new()
    {
        ["faultCategory"] = new()
        {
            [("no-power", "zh-CN")] = "不通电", [("error-code", "zh-CN")] = "报错代码", [("noise", "zh-CN")] = "异响", [("leak", "zh-CN")] = "漏水漏油",
            [("performance", "zh-CN")] = "性能下降", [("damage", "zh-CN")] = "损坏", [("installation", "zh-CN")] = "安装", [("other", "zh-CN")] = "其他",
            [("no-power", "en")] = "no power", [("error-code", "en")] = "error code", [("noise", "en")] = "noise", [("leak", "en")] = "leak",
            [("performance", "en")] = "poor performance", [("damage", "en")] = "damage", [("installation", "en")] = "installation", [("other", "en")] = "other fault",
        },
        ["priority"] = new()
        {
            [("P1", "zh-CN")] = "紧急", [("P2", "zh-CN")] = "高", [("P3", "zh-CN")] = "普通", [("P4", "zh-CN")] = "低",
            [("P1", "en")] = "urgent", [("P2", "en")] = "high", [("P3", "en")] = "normal", [("P4", "en")] = "low",
        },
        ["metric"] = new()
        {
            [("response", "zh-CN")] = "响应时限", [("arrival", "zh-CN")] = "到场时限", [("resolution", "zh-CN")] = "解决时限",
            [("response", "en")] = "response target", [("arrival", "en")] = "arrival target", [("resolution", "en")] = "resolution target",
        },
        ["window"] = new()
        {
            [(Asap, "zh-CN")] = "尽快", [(Asap, "en")] = "as soon as possible",
            // Messages decided before the window became a code.
            [("尽快 / ASAP", "zh-CN")] = "尽快", [("尽快 / ASAP", "en")] = "as soon as possible",
        },
    };

    /// <summary>The word for <paramref name="value"/> of placeholder <paramref name="key"/> in the language, or the value itself.</summary>
    public static string Word(string key, string value, string language) =>
        Words.TryGetValue(key, out var words) && words.TryGetValue((value, language), out var word) ? word : value;
}
