using ServerlessService.Core.Common;

namespace ServerlessService.Core.Customers;

public sealed record CustomerInput(string? Name, string? Phone, string? Tier, Address? Address, string? Language = null)
{
    public sealed record Valid(string Name, string Phone, string Tier, Address? Address, string? Language);

    public Valid Validate()
    {
        var check = new Check();
        var name = check.Text("name", Name, 100);
        var phone = check.Phone("phone", Phone);
        var tier = Tier is null ? CustomerTiers.Standard : check.OneOf("tier", Tier, CustomerTiers.All);
        var address = Address.Validate(check, "address", Address, required: false);
        var language = Language is null ? null : check.OneOf("language", Language, Notifications.MessageTemplates.Languages);
        check.ThrowIfAny();
        return new Valid(name!, phone!, tier!, address, language);
    }
}
