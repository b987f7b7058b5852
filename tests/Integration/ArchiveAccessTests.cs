using System.Net;

namespace ServerlessService.IntegrationTests;

public sealed class ArchiveAccessTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task CustomerSeesOwnRecordWithDevicesAndTicketsButNotAnotherCustomers()
    {
        var staff = await app.Api().AsStaffAsync();
        var a = await Archive.CustomerAsync(staff);
        var b = await Archive.CustomerAsync(staff);
        var device = await Archive.DeviceAsync(staff, a["id"]!.ToString());
        await staff.PostAsync("/api/tickets", Archive.TicketBody(device["serialNumber"]!.ToString()));
        var (customerA, _) = await app.Api().AsPhoneAsync(a["phone"]!.ToString());

        var profile = (await customerA.GetAsync("/api/customers/" + a["id"])).AssertStatus(HttpStatusCode.OK);
        Assert.Single(profile.Json!["devices"]!.AsArray());
        Assert.Single(profile.Json!["tickets"]!.AsArray());
        (await customerA.GetAsync("/api/customers/" + b["id"])).AssertProblem(HttpStatusCode.NotFound);
        (await customerA.GetAsync("/api/customers")).AssertProblem(HttpStatusCode.Forbidden);
        (await app.Api().GetAsync("/api/customers/" + a["id"])).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CustomerMayRenameThemselvesButNotChangeTheirTier()
    {
        var staff = await app.Api().AsStaffAsync();
        var c = await Archive.CustomerAsync(staff);
        var (me, _) = await app.Api().AsPhoneAsync(c["phone"]!.ToString());
        var address = new { region = "310104", line = "上海市徐汇区漕溪北路 88 号" };

        var renamed = (await me.PutAsync("/api/customers/" + c["id"], new { name = "王丽", phone = c["phone"]!.ToString(), tier = "standard", address }))
            .AssertStatus(HttpStatusCode.OK);
        Assert.Equal("王丽", renamed.Str("name"));
        (await me.PutAsync("/api/customers/" + c["id"], new { name = "王丽", phone = c["phone"]!.ToString(), tier = "vip", address }))
            .AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal("standard", (await staff.GetAsync("/api/customers/" + c["id"])).Str("tier"));
    }

    [Fact]
    public async Task DuplicatePhoneIsAConflictAndInvalidInputCreatesNothing()
    {
        var staff = await app.Api().AsStaffAsync();
        var phone = Archive.NewPhone();
        await Archive.CustomerAsync(staff, phone: phone);

        (await staff.PostAsync("/api/customers", new { name = "重复", phone, tier = "standard" })).AssertProblem(HttpStatusCode.Conflict);
        var other = Archive.NewPhone();
        var bad = (await staff.PostRawAsync("/api/customers", $"{{\"name\":\"坏数据\",\"phone\":\"{other}\",\"address\":{{\"region\":\"310104\",\"line\":\"x\",\"lat\":\"north\"}}}}"))
            .AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("address.lat", bad.ErrorFields);
        var search = await staff.GetAsync("/api/customers?phone=" + Uri.EscapeDataString(other));
        Assert.Empty(search.Json!["items"]!.AsArray());
    }

    [Fact]
    public async Task StaffFindCustomersByPhoneAndByNamePrefixAndPageThroughThem()
    {
        var staff = await app.Api().AsStaffAsync();
        var tag = "翻页" + Guid.NewGuid().ToString("N")[..4];
        var made = new List<string>();
        for (var i = 0; i < 5; i++) made.Add((await Archive.CustomerAsync(staff, name: $"{tag} 客户{i}"))["id"]!.ToString());

        var byPhone = await staff.GetAsync("/api/customers?phone=" + Uri.EscapeDataString((await staff.GetAsync("/api/customers/" + made[2])).Str("phone")));
        Assert.Equal(made[2], byPhone.Json!["items"]![0]!["id"]!.ToString());
        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await staff.GetAsync($"/api/customers?name={Uri.EscapeDataString(tag)}&pageSize=2" + (token is null ? "" : "&continuationToken=" + token));
            seen.AddRange(page.AssertStatus(HttpStatusCode.OK).Json!["items"]!.AsArray().Select(c => c!["id"]!.ToString()));
            token = page.Json!["continuationToken"]?.ToString();
        } while (token is not null);
        Assert.Equal(made.Order(), seen.Order());
    }

    [Fact]
    public async Task DeviceWarrantyIsComputedAndOnlyTheOwnerSeesTheDevice()
    {
        var staff = await app.Api().AsStaffAsync();
        var owner = await Archive.CustomerAsync(staff);
        var stranger = await Archive.CustomerAsync(staff);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var expiring = await Archive.DeviceAsync(staff, owner["id"]!.ToString(), warrantyEndsOn: today.AddDays(10));
        var expired = await Archive.DeviceAsync(staff, owner["id"]!.ToString(), warrantyEndsOn: today.AddDays(-1));
        var (ownerApi, _) = await app.Api().AsPhoneAsync(owner["phone"]!.ToString());
        var (strangerApi, _) = await app.Api().AsPhoneAsync(stranger["phone"]!.ToString());

        var read = (await ownerApi.GetAsync("/api/devices/" + expiring["serialNumber"])).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Expiring", read.Json!["warranty"]!["status"]!.ToString());
        Assert.Equal("OutOfWarranty", (await ownerApi.GetAsync("/api/devices/" + expired["serialNumber"])).Json!["warranty"]!["status"]!.ToString());
        Assert.Equal(2, (await ownerApi.GetAsync("/api/devices")).Json!["items"]!.AsArray().Count);
        (await strangerApi.GetAsync("/api/devices/" + expiring["serialNumber"])).AssertProblem(HttpStatusCode.NotFound);
        Assert.Empty((await strangerApi.GetAsync("/api/devices")).Json!["items"]!.AsArray());
        (await staff.PostAsync("/api/devices", new { serialNumber = expiring["serialNumber"]!.ToString(), model = "x", productLine = "chiller",
            customerId = owner["id"]!.ToString(), warrantyEndsOn = "2030-01-01" })).AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task EngineerReadsAndUpdatesOnlyTheirOwnDutyAndLocation()
    {
        var staff = await app.Api().AsStaffAsync();
        var engineer = await Archive.EngineerAsync(staff);
        var colleague = await Archive.EngineerAsync(staff);
        var (me, signIn) = await app.Api().AsPhoneAsync(engineer["phone"]!.ToString());
        Assert.Equal("engineer", signIn["role"]!.ToString());
        var id = engineer["id"]!.ToString();
        var body = new
        {
            name = engineer["name"]!.ToString(), phone = engineer["phone"]!.ToString(),
            skills = new[] { new { productLine = "boiler", level = 3 } }, regions = new[] { "310104" },
            location = new { lat = 31.25, lng = 121.45 }, maxConcurrentJobs = 3, onDuty = false,
        };

        var updated = (await me.PutAsync("/api/engineers/" + id, body)).AssertStatus(HttpStatusCode.OK);
        Assert.False(updated.Json!["onDuty"]!.GetValue<bool>());
        (await me.PutAsync("/api/engineers/" + id, new { body.name, body.phone, skills = new[] { new { productLine = "chiller", level = 5 } },
            body.regions, body.location, body.maxConcurrentJobs, body.onDuty })).AssertProblem(HttpStatusCode.Forbidden);
        (await me.GetAsync("/api/engineers/" + colleague["id"])).AssertProblem(HttpStatusCode.NotFound);
        (await me.GetAsync("/api/engineers")).AssertProblem(HttpStatusCode.Forbidden);
        var bad = (await staff.PostAsync("/api/engineers", new { name = "X", phone = Archive.NewPhone(), skills = new[] { new { productLine = "chiller", level = 9 } }, regions = Array.Empty<string>() }))
            .AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["regions", "skills[0].level"], bad.ErrorFields.Order());
    }

    [Fact]
    public async Task WarehouseKeeperCannotEditTheArchive()
    {
        var admin = await app.Api().AsStaffAsync();
        var user = "wh" + Guid.NewGuid().ToString("N")[..6];
        (await admin.PostAsync("/api/staff", new { username = user, displayName = "库管员", role = "warehouse", password = "warehouse-pass-1" })).AssertStatus(HttpStatusCode.Created);
        var keeper = await app.Api().AsStaffAsync(user, "warehouse-pass-1");
        var staffList = (await admin.GetAsync("/api/staff")).AssertStatus(HttpStatusCode.OK).Json!.AsArray();
        Assert.Contains(staffList, s => s!["username"]!.ToString() == user && s["role"]!.ToString() == "warehouse");
        Assert.DoesNotContain("passwordHash", (await admin.GetAsync("/api/staff")).Text);
        (await keeper.GetAsync("/api/staff")).AssertProblem(HttpStatusCode.Forbidden);

        (await keeper.PostAsync("/api/customers", new { name = "不该创建", phone = Archive.NewPhone() })).AssertProblem(HttpStatusCode.Forbidden);
        (await keeper.GetAsync("/api/customers")).AssertStatus(HttpStatusCode.OK);
        (await keeper.PostAsync("/api/staff", new { username = "x" + user, role = "admin", password = "escalate-pass-1" })).AssertProblem(HttpStatusCode.Forbidden);
    }
}
