using ServerlessService.Core.Devices;

namespace ServerlessService.UnitTests;

public sealed class WarrantyRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void IsInWarrantyWhenMoreThanThirtyDaysRemain() =>
        Assert.Equal(WarrantyStatus.InWarranty, Warranty.On(Today.AddDays(31), Today).Status);

    [Fact]
    public void IsExpiringWithinThirtyDaysAndStillCoveredOnTheLastDay()
    {
        var lastDay = Warranty.On(Today, Today);
        Assert.Equal(WarrantyStatus.Expiring, Warranty.On(Today.AddDays(30), Today).Status);
        Assert.Equal(WarrantyStatus.Expiring, lastDay.Status);
        Assert.True(lastDay.Covered);
        Assert.Equal(0, lastDay.DaysLeft);
    }

    [Fact]
    public void IsOutOfWarrantyTheDayAfterItEnds()
    {
        var w = Warranty.On(Today.AddDays(-1), Today);
        Assert.Equal(WarrantyStatus.OutOfWarranty, w.Status);
        Assert.False(w.Covered);
    }
}
