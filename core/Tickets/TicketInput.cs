using ServerlessService.Core.Common;
using ServerlessService.Core.Devices;

namespace ServerlessService.Core.Tickets;

/// <summary>A service request (报修). customerId is for staff reporting an unregistered serial on a customer's behalf.</summary>
public sealed record TicketInput(
    string? SerialNumber,
    string? FaultCategory,
    string? Description,
    string? Priority,
    string? ContactPhone,
    Address? SiteAddress,
    TimeWindow? PreferredWindow,
    string? CustomerId = null)
{
    public sealed record Valid(string SerialNumber, string FaultCategory, string Description, string Priority, string? ContactPhone, Address? SiteAddress, TimeWindow? PreferredWindow, string? CustomerId);

    public Valid Validate(DateTimeOffset now)
    {
        var check = new Check();
        var serial = SerialNumbers.Validate(check, "serialNumber", SerialNumber);
        var category = check.OneOf("faultCategory", FaultCategory, FaultCategories.All);
        var description = check.Text("description", Description, 2000, minLength: 5);
        var priority = Priority is null ? Priorities.Default : check.OneOf("priority", Priority, Priorities.All);
        var phone = check.Phone("contactPhone", ContactPhone, required: false);
        var site = Address.Validate(check, "siteAddress", SiteAddress, required: false);
        ValidateWindow(check, now);
        var customerId = check.Text("customerId", CustomerId, 40, required: false);
        if (customerId is not null && !Ids.LooksValid(customerId, "cus")) check.Add("customerId", "is not a customer id.");
        check.ThrowIfAny();
        return new Valid(serial!, category!, description!, priority!, phone, site, PreferredWindow, customerId);
    }

    private void ValidateWindow(Check check, DateTimeOffset now)
    {
        if (PreferredWindow is not { } w) return;
        if (w.From is null) check.Add("preferredWindow.from", "is required.");
        if (w.To is null) check.Add("preferredWindow.to", "is required.");
        if (w.From is { } f && w.To is { } t)
        {
            if (t <= f) check.Add("preferredWindow.to", "must be after preferredWindow.from.");
            if (t < now) check.Add("preferredWindow.to", "must be in the future.");
            if (f > now.AddDays(90)) check.Add("preferredWindow.from", "must be within 90 days.");
        }
    }
}
