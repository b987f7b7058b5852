using PhoneNumbers;

namespace ServerlessService.Core.Common;

/// <summary>Phone validation through libphonenumber; numbers without a country code are read as Chinese.</summary>
public static class Phones
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static bool TryNormalize(string input, out string e164)
    {
        e164 = "";
        try
        {
            var number = Util.Parse(input.Trim(), "CN");
            if (!Util.IsValidNumber(number)) return false;
            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>+8613800138000 → +86138****8000, for logs and lists.</summary>
    public static string Mask(string e164) =>
        e164.Length < 9 ? e164 : string.Concat(e164.AsSpan(0, e164.Length - 8), "****", e164.AsSpan(e164.Length - 4));
}
