using System.Net;
using System.Text.RegularExpressions;

namespace ServerlessService.IntegrationTests;

public sealed class TicketIntakeTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task CustomerOpensTicketForOwnDeviceWithWarrantySnapshotAndReadableNumber()
    {
        var staff = await app.Api().AsStaffAsync();
        var customer = await Archive.CustomerAsync(staff);
        var device = await Archive.DeviceAsync(staff, customer["id"]!.ToString());
        var (me, _) = await app.Api().AsPhoneAsync(customer["phone"]!.ToString());

        var r = (await me.PostAsync("/api/tickets", Archive.TicketBody(device["serialNumber"]!.ToString()))).AssertStatus(HttpStatusCode.Created);

        Assert.Matches(new Regex(@"^\d{6}-\d{4}$"), r.Str("number"));
        Assert.Equal("Submitted", r.Str("status"));
        Assert.Equal(customer["id"]!.ToString(), r.Str("customerId"));
        Assert.True(r.Json!["deviceVerified"]!.GetValue<bool>());
        Assert.Equal("InWarranty", r.Json!["warranty"]!["status"]!.ToString());
        Assert.Equal(customer["phone"]!.ToString(), r.Str("contactPhone"));
        var read = (await me.GetAsync("/api/tickets/" + r.Str("id"))).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(r.Str("number"), read.Str("number"));
    }

    [Fact]
    public async Task CustomerCannotOpenTicketForAnotherCustomersDevice()
    {
        var staff = await app.Api().AsStaffAsync();
        var owner = await Archive.CustomerAsync(staff);
        var device = await Archive.DeviceAsync(staff, owner["id"]!.ToString());
        var other = await Archive.CustomerAsync(staff);
        var (intruder, _) = await app.Api().AsPhoneAsync(other["phone"]!.ToString());

        (await intruder.PostAsync("/api/tickets", Archive.TicketBody(device["serialNumber"]!.ToString()))).AssertProblem(HttpStatusCode.Forbidden);
        var list = await staff.GetAsync($"/api/tickets?serialNumber={device["serialNumber"]}");
        Assert.Empty(list.Json!["items"]!.AsArray());
    }

    [Fact]
    public async Task UnknownSerialOpensTicketWithUnverifiedDeviceClaim()
    {
        var staff = await app.Api().AsStaffAsync();
        var customer = await Archive.CustomerAsync(staff);
        var (me, _) = await app.Api().AsPhoneAsync(customer["phone"]!.ToString());

        var r = (await me.PostAsync("/api/tickets", Archive.TicketBody("NOT-REGISTERED-42"))).AssertStatus(HttpStatusCode.Created);

        Assert.False(r.Json!["deviceVerified"]!.GetValue<bool>());
        Assert.Null(r.Json!["warranty"]);
        Assert.Equal("NOT-REGISTERED-42", r.Str("serialNumber"));
    }

    [Fact]
    public async Task RetryWithSameIdempotencyKeyReturnsTheSameTicketOnce()
    {
        var staff = await app.Api().AsStaffAsync();
        var customer = await Archive.CustomerAsync(staff);
        var device = await Archive.DeviceAsync(staff, customer["id"]!.ToString());
        var (me, _) = await app.Api().AsPhoneAsync(customer["phone"]!.ToString());
        var body = Archive.TicketBody(device["serialNumber"]!.ToString());
        var key = Guid.NewGuid().ToString();

        var first = (await me.PostAsync("/api/tickets", body, key)).AssertStatus(HttpStatusCode.Created);
        var again = (await me.PostAsync("/api/tickets", body, key)).AssertStatus(HttpStatusCode.Created);

        Assert.Equal(first.Str("id"), again.Str("id"));
        Assert.Equal(first.Str("number"), again.Str("number"));
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        var mine = await me.GetAsync("/api/tickets");
        Assert.Single(mine.Json!["items"]!.AsArray());
        var otherBody = Archive.TicketBody(device["serialNumber"]!.ToString(), "完全不同的故障描述");
        (await me.PostAsync("/api/tickets", otherBody, key)).AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task CustomerSeesOnlyTheirOwnTickets()
    {
        var staff = await app.Api().AsStaffAsync();
        var a = await Archive.CustomerAsync(staff);
        var b = await Archive.CustomerAsync(staff);
        var deviceA = await Archive.DeviceAsync(staff, a["id"]!.ToString());
        var (customerA, _) = await app.Api().AsPhoneAsync(a["phone"]!.ToString());
        var (customerB, _) = await app.Api().AsPhoneAsync(b["phone"]!.ToString());
        var ticket = (await customerA.PostAsync("/api/tickets", Archive.TicketBody(deviceA["serialNumber"]!.ToString()))).Json!;

        (await customerB.GetAsync("/api/tickets/" + ticket["id"])).AssertProblem(HttpStatusCode.NotFound);
        Assert.Empty((await customerB.GetAsync("/api/tickets")).Json!["items"]!.AsArray());
        (await customerB.GetAsync($"/api/tickets?customerId={a["id"]}")).AssertProblem(HttpStatusCode.Forbidden);
        Assert.Single((await customerA.GetAsync("/api/tickets")).Json!["items"]!.AsArray());
    }

    [Fact]
    public async Task ListFiltersByStatusSerialAndCreatedRangeWithPaging()
    {
        var staff = await app.Api().AsStaffAsync();
        var customer = await Archive.CustomerAsync(staff);
        var device = await Archive.DeviceAsync(staff, customer["id"]!.ToString());
        var serial = device["serialNumber"]!.ToString();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((await staff.PostAsync("/api/tickets", Archive.TicketBody(serial, $"第 {i} 次报修：设备异响"))).AssertStatus(HttpStatusCode.Created).Str("id"));

        var page1 = (await staff.GetAsync($"/api/tickets?serialNumber={serial}&status=Submitted&pageSize=2")).AssertStatus(HttpStatusCode.OK);
        var token = page1.Json!["continuationToken"]!.ToString();
        var page2 = (await staff.GetAsync($"/api/tickets?serialNumber={serial}&pageSize=2&continuationToken={token}")).AssertStatus(HttpStatusCode.OK);
        var listed = page1.Json!["items"]!.AsArray().Concat(page2.Json!["items"]!.AsArray()).Select(t => t!["id"]!.ToString()).ToList();
        Assert.Equal(ids.AsEnumerable().Reverse(), listed);

        var from = Uri.EscapeDataString(before.ToString("O"));
        var inRange = await staff.GetAsync($"/api/tickets?customerId={customer["id"]}&createdFrom={from}");
        Assert.Equal(3, inRange.Json!["items"]!.AsArray().Count);
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
        Assert.Empty((await staff.GetAsync($"/api/tickets?customerId={customer["id"]}&createdFrom={future}")).Json!["items"]!.AsArray());
    }

    [Fact]
    public async Task BadInputIsRefusedWithFieldErrorsAndCreatesNothing()
    {
        var staff = await app.Api().AsStaffAsync();
        var customer = await Archive.CustomerAsync(staff);
        var device = await Archive.DeviceAsync(staff, customer["id"]!.ToString());
        var serial = device["serialNumber"]!.ToString();

        (await staff.PostRawAsync("/api/tickets", "{\"serialNumber\": \"" + serial + "\", ")).AssertProblem(HttpStatusCode.BadRequest);
        var wrongType = (await staff.PostRawAsync("/api/tickets", "{\"serialNumber\":\"" + serial + "\",\"siteAddress\":{\"lat\":\"north\"}}")).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("siteAddress.lat", wrongType.ErrorFields);
        var invalid = (await staff.PostAsync("/api/tickets", new { serialNumber = serial, faultCategory = "magic", description = new string('x', 2001), priority = "P9", contactPhone = "12345" }))
            .AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["contactPhone", "description", "faultCategory", "priority"], invalid.ErrorFields.Order());
        (await staff.GetAsync("/api/tickets?status=Sleeping")).AssertProblem(HttpStatusCode.BadRequest);
        (await staff.GetAsync("/api/tickets?createdFrom=yesterday")).AssertProblem(HttpStatusCode.BadRequest);
        (await staff.GetAsync("/api/tickets?pageSize=2&continuationToken=%%%")).AssertProblem(HttpStatusCode.BadRequest);
        (await staff.GetAsync("/api/tickets/tkt-0000")).AssertProblem(HttpStatusCode.NotFound);

        Assert.Empty((await staff.GetAsync($"/api/tickets?serialNumber={serial}")).Json!["items"]!.AsArray());
    }

    [Fact]
    public async Task StaffMustNameTheCustomerForAnUnregisteredSerial()
    {
        var staff = await app.Api().AsStaffAsync();
        var customer = await Archive.CustomerAsync(staff);

        var missing = (await staff.PostAsync("/api/tickets", Archive.TicketBody("UNKNOWN-1"))).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("customerId", missing.ErrorFields);
        var ok = await staff.PostAsync("/api/tickets", new { serialNumber = "UNKNOWN-1", faultCategory = "leak", description = "漏水漏水漏水", customerId = customer["id"]!.ToString() });
        Assert.Equal(customer["id"]!.ToString(), ok.AssertStatus(HttpStatusCode.Created).Str("customerId"));
    }
}
