using ServerlessService.Core.Common;
using ServerlessService.Core.Customers;
using ServerlessService.Core.Devices;
using ServerlessService.Core.Engineers;
using ServerlessService.Core.Tickets;

namespace ServerlessService.UnitTests;

public sealed class InputValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8));

    private static IReadOnlyCollection<string> FieldsOf(Action validate) =>
        Assert.Throws<ValidationFailedException>(validate).Errors.Keys.Order().ToList();

    [Fact]
    public void CustomerInputReportsEveryBadFieldAtOnce() =>
        Assert.Equal(["address.lat", "address.line", "address.region", "name", "phone", "tier"],
            FieldsOf(() => new CustomerInput("", "123", "gold", new Address("31", null, 91, 121)).Validate()));

    [Fact]
    public void CustomerInputDefaultsTierAndNormalizesPhone()
    {
        var v = new CustomerInput(" 王女士 ", "13800138000", null, null).Validate();
        Assert.Equal(("王女士", "+8613800138000", "standard"), (v.Name, v.Phone, v.Tier));
    }

    [Fact]
    public void DeviceInputNormalizesSerialAndProductLineAndChecksDates()
    {
        var v = new DeviceInput(" ac-2023-0002 ", "AirPro", "Air-Compressor", "cus-" + new string('a', 32), null, null, new DateOnly(2027, 1, 1)).Validate();
        Assert.Equal(("AC-2023-0002", "air-compressor"), (v.SerialNumber, v.ProductLine));
        Assert.Equal(["warrantyEndsOn"], FieldsOf(() =>
            new DeviceInput("SN-1", "m", "chiller", "cus-" + new string('a', 32), null, new DateOnly(2027, 1, 2), new DateOnly(2027, 1, 1)).Validate()));
        Assert.Equal(["customerId", "serialNumber", "warrantyEndsOn"], FieldsOf(() =>
            new DeviceInput("S/N 1", "m", "chiller", "someone", null, null, null).Validate()));
    }

    [Fact]
    public void EngineerInputChecksSkillsRegionsAndLocation() =>
        Assert.Equal(["location.lng", "regions[1]", "skills[0].level", "skills[1].productLine"], FieldsOf(() =>
            new EngineerInput("张伟", "+8613900139001", [new Skill("chiller", 9), new Skill("chiller", 3)], ["310104", "abc"],
                new GeoPoint(31.2, null), 3, true, null).Validate()));

    [Fact]
    public void EngineerWithoutRegionsIsRefused() =>
        Assert.Contains("regions", FieldsOf(() => new EngineerInput("张伟", "+8613900139001", null, [], null, null, null, null).Validate()));

    [Fact]
    public void TicketInputDefaultsPriorityAndChecksPreferredWindow()
    {
        var v = new TicketInput("sn-1", "noise", "运行时异响。", null, null, null, null).Validate(Now);
        Assert.Equal(("SN-1", "P3"), (v.SerialNumber, v.Priority));
        Assert.Equal(["preferredWindow.to"], FieldsOf(() =>
            new TicketInput("SN-1", "noise", "运行时异响。", "P1", null, null, new TimeWindow(Now.AddHours(3), Now.AddHours(2))).Validate(Now)));
    }

    [Fact]
    public void TicketFilterRefusesUnknownStatusMalformedIdsAndBackwardsRanges()
    {
        Assert.Equal(["createdTo", "customerId", "engineerId", "status"], FieldsOf(() =>
            TicketFilter.Parse("Sleeping", "c-1", "e-1", null, "2026-11-24T10:00:00Z", "2026-11-23T10:00:00Z")));
        var ok = TicketFilter.Parse("submitted", null, null, "ab-1", "2026-11-24", null);
        Assert.Equal((TicketStatus.Submitted, "AB-1"), (ok.Status, ok.SerialNumber));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("201")]
    public void PageSizeMustBeBetweenOneAndTwoHundred(string size) =>
        Assert.Equal(["pageSize"], FieldsOf(() => PageRequest.From(size, null)));

    [Fact]
    public void IdempotencyKeysAreVisibleAsciiUpToOneHundredCharacters()
    {
        Assert.Equal("0b8f6c2e-6a0e-4a5e-9b39-5a3f2f3b8d11", IdempotencyKeys.Validate("0b8f6c2e-6a0e-4a5e-9b39-5a3f2f3b8d11"));
        Assert.Throws<ValidationFailedException>(() => IdempotencyKeys.Validate(""));
        Assert.Throws<ValidationFailedException>(() => IdempotencyKeys.Validate("has space"));
        Assert.Throws<ValidationFailedException>(() => IdempotencyKeys.Validate(new string('k', 101)));
        Assert.NotEqual(IdempotencyKeys.Fingerprint(new { a = 1 }), IdempotencyKeys.Fingerprint(new { a = 2 }));
    }
}
