namespace ServerlessService.Core.Devices;

public static class WarrantyStatus
{
    public const string InWarranty = "InWarranty";
    public const string Expiring = "Expiring";
    public const string OutOfWarranty = "OutOfWarranty";
}

/// <summary>Warranty (质保) on a given day; the end date itself is still covered.</summary>
public sealed record Warranty(string Status, DateOnly EndsOn, int DaysLeft)
{
    public const int ExpiringWithinDays = 30;

    public static Warranty On(DateOnly endsOn, DateOnly today)
    {
        var daysLeft = endsOn.DayNumber - today.DayNumber;
        var status = daysLeft < 0 ? WarrantyStatus.OutOfWarranty
            : daysLeft <= ExpiringWithinDays ? WarrantyStatus.Expiring
            : WarrantyStatus.InWarranty;
        return new Warranty(status, endsOn, Math.Max(daysLeft, 0));
    }

    public bool Covered => Status != WarrantyStatus.OutOfWarranty;
}
