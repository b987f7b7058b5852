namespace ServerlessService.Core.Common;

/// <summary>A postal address; region is a GB/T 2260 six-digit code such as 310104.</summary>
public sealed record Address(string? Region, string? Line, double? Lat, double? Lng)
{
    public static Address? Validate(Check check, string field, Address? input, bool required)
    {
        if (input is null)
        {
            if (required) check.Add(field, "is required.");
            return null;
        }
        var region = check.Text($"{field}.region", input.Region, 6, required: true);
        if (region is not null && !IsRegionCode(region)) check.Add($"{field}.region", "must be a six-digit GB/T 2260 region code, e.g. 310104.");
        var line = check.Text($"{field}.line", input.Line, 200, required: true);
        GeoPoint.Validate(check, field, input.Lat, input.Lng, required: false);
        return new Address(region, line, input.Lat, input.Lng);
    }

    public static bool IsRegionCode(string s) => s.Length == 6 && s.All(char.IsAsciiDigit);
}

public sealed record GeoPoint(double? Lat, double? Lng)
{
    public static void Validate(Check check, string field, double? lat, double? lng, bool required)
    {
        if (lat is { } a && !(a >= -90 && a <= 90)) check.Add($"{field}.lat", "must be between -90 and 90.");
        if (lng is { } o && !(o >= -180 && o <= 180)) check.Add($"{field}.lng", "must be between -180 and 180.");
        if (lat is null && (required || lng is not null)) check.Add($"{field}.lat", "is required.");
        if (lng is null && (required || lat is not null)) check.Add($"{field}.lng", "is required.");
    }
}
