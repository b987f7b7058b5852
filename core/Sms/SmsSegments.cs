namespace ServerlessService.Core.Sms;

/// <summary>How an SMS text is encoded and how many segments it takes.</summary>
public sealed record SmsLength(string Encoding, int Units, int Segments);

/// <summary>
/// SMS length rules (3GPP TS 23.038): text made only of GSM 03.38 characters is sent as GSM-7 — 160 characters in
/// one segment, 153 per segment when split, extension characters (€ [ ] { } etc.) counting twice; anything else,
/// Chinese included, is sent as UCS-2 — 70 UTF-16 units in one segment, 67 per segment when split.
/// </summary>
public static class SmsSegments
{
    public const string Gsm7 = "GSM-7";
    public const string Ucs2 = "UCS-2";

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extension = "^{}\\[~]|€\f";

    public static SmsLength Measure(string text)
    {
        var units = 0;
        foreach (var c in text)
        {
            if (Basic.Contains(c)) units += 1;
            else if (Extension.Contains(c)) units += 2;
            else return Ucs(text);
        }
        return new SmsLength(Gsm7, units, units <= 160 ? 1 : (units + 152) / 153);
    }

    private static SmsLength Ucs(string text) =>
        new(Ucs2, text.Length, text.Length <= 70 ? 1 : (text.Length + 66) / 67);
}
