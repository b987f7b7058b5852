using ServerlessService.Core.Common;

namespace ServerlessService.Core.Devices;

public sealed record DeviceInput(
    string? SerialNumber,
    string? Model,
    string? ProductLine,
    string? CustomerId,
    Address? InstallAddress,
    DateOnly? PurchasedOn,
    DateOnly? WarrantyEndsOn)
{
    public sealed record Valid(string SerialNumber, string Model, string ProductLine, string CustomerId, Address? InstallAddress, DateOnly? PurchasedOn, DateOnly WarrantyEndsOn);

    public Valid Validate()
    {
        var check = new Check();
        var serial = SerialNumbers.Validate(check, "serialNumber", SerialNumber);
        var model = check.Text("model", Model, 100);
        var line = ProductLines.Validate(check, "productLine", ProductLine);
        var customerId = check.Text("customerId", CustomerId, 40);
        if (customerId is not null && !Ids.LooksValid(customerId, "cus")) check.Add("customerId", "is not a customer id.");
        var address = Address.Validate(check, "installAddress", InstallAddress, required: false);
        if (WarrantyEndsOn is null) check.Add("warrantyEndsOn", "is required (yyyy-MM-dd).");
        if (PurchasedOn is { } p && WarrantyEndsOn is { } w && p > w) check.Add("warrantyEndsOn", "must not be before purchasedOn.");
        check.ThrowIfAny();
        return new Valid(serial!, model!, line!, customerId!, address, PurchasedOn, WarrantyEndsOn!.Value);
    }
}

public static class SerialNumbers
{
    public static string? Validate(Check check, string field, string? value)
    {
        var s = check.Text(field, value, 64, minLength: 3)?.ToUpperInvariant();
        if (s is not null && !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            check.Add(field, "may contain only letters, digits, '-', '_' and '.'.");
        return s;
    }

    public static bool TryNormalize(string? value, out string serial)
    {
        var check = new Check();
        serial = Validate(check, "serialNumber", value) ?? "";
        return !check.HasErrors;
    }
}

public static class ProductLines
{
    /// <summary>A product line is a short lower-case code such as "chiller" or "air-compressor".</summary>
    public static string? Validate(Check check, string field, string? value)
    {
        var s = check.Text(field, value, 40, minLength: 2)?.ToLowerInvariant();
        if (s is not null && !s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            check.Add(field, "must be a lower-case code of letters, digits and '-', e.g. chiller.");
        return s;
    }
}
