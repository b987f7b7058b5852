using System.Net;

namespace ServerlessService.IntegrationTests;

public sealed class DeviceAndJobScopeTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task OwnerMayMoveTheInstallAddressButNotRewriteTheDevice()
    {
        var staff = await app.Api().AsStaffAsync();
        var owner = await Archive.CustomerAsync(staff);
        var device = await Archive.DeviceAsync(staff, owner["id"]!.ToString());
        var serial = device["serialNumber"]!.ToString();
        var (me, _) = await app.Api().AsPhoneAsync(owner["phone"]!.ToString());
        object Body(string model) => new
        {
            serialNumber = serial, model, productLine = "air-compressor", customerId = owner["id"]!.ToString(),
            installAddress = new { region = "310115", line = "上海市浦东新区张衡路 1 号" },
            purchasedOn = device["purchasedOn"]!.ToString(), warrantyEndsOn = device["warrantyEndsOn"]!.ToString(),
        };

        var moved = (await me.PutAsync("/api/devices/" + serial, Body("AirPro 75"))).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("310115", moved.Json!["installAddress"]!["region"]!.ToString());
        (await me.PutAsync("/api/devices/" + serial, Body("Something Else"))).AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal("AirPro 75", (await staff.GetAsync("/api/devices/" + serial)).Str("model"));
    }

    [Fact]
    public async Task DeviceForAnUnknownCustomerIsRefusedOnTheCustomerIdField()
    {
        var staff = await app.Api().AsStaffAsync();
        var r = (await staff.PostAsync("/api/devices", new { serialNumber = "ORPHAN-1", model = "m", productLine = "chiller",
            customerId = "cus-" + new string('0', 32), warrantyEndsOn = "2030-01-01" })).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["customerId"], r.ErrorFields);
        (await staff.GetAsync("/api/devices/ORPHAN-1")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EngineerListsOnlyTheirOwnJobsAndCannotReadOthersTickets()
    {
        var staff = await app.Api().AsStaffAsync();
        var customer = await Archive.CustomerAsync(staff);
        var device = await Archive.DeviceAsync(staff, customer["id"]!.ToString());
        var ticket = (await staff.PostAsync("/api/tickets", Archive.TicketBody(device["serialNumber"]!.ToString()))).Json!;
        var engineer = await Archive.EngineerAsync(staff);
        var colleague = await Archive.EngineerAsync(staff);
        var (me, _) = await app.Api().AsPhoneAsync(engineer["phone"]!.ToString());

        Assert.Empty((await me.GetAsync("/api/tickets")).AssertStatus(HttpStatusCode.OK).Json!["items"]!.AsArray());
        (await me.GetAsync($"/api/tickets?engineerId={colleague["id"]}")).AssertProblem(HttpStatusCode.Forbidden);
        (await me.GetAsync("/api/tickets/" + ticket["id"])).AssertProblem(HttpStatusCode.NotFound);
        (await me.PostAsync("/api/tickets", Archive.TicketBody(device["serialNumber"]!.ToString()))).AssertProblem(HttpStatusCode.Forbidden);
        (await me.GetAsync("/api/devices")).AssertProblem(HttpStatusCode.Forbidden);
    }
}
