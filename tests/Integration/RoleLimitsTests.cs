using System.Net;
using System.Net.Http.Headers;
using System.Text;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>The limits of each role a user would run into: what the trial of the console found open.</summary>
public sealed class RoleLimitsTests(LifecycleAppFixture app) : IClassFixture<LifecycleAppFixture>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. Encoding.ASCII.GetBytes("JFIF-test-bytes")];

    private async Task<Api> StaffAsync(Api admin, string role)
    {
        var user = role[..3] + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsync("/api/staff", new { username = user, displayName = role, role, password = "limits-pass-1" })).AssertStatus(HttpStatusCode.Created);
        return await app.Api().AsStaffAsync(user, "limits-pass-1");
    }

    private static HttpRequestMessage Photo(string ticketId, string kind)
    {
        var part = new ByteArrayContent(Jpeg);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var form = new MultipartFormDataContent { { new StringContent(kind), "kind" }, { part, "files", "photo.jpg" } };
        return new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{ticketId}/photos") { Content = form };
    }

    [Fact]
    public async Task AWarehouseKeeperAndAManagerReadTicketsButNeitherAssignsCancelsNorReprioritises()
    {
        var admin = await app.Api().AsStaffAsync();
        var s = await SetupAsync(admin);
        var (_, engineerId) = await EngineerAsync(admin, app.Api());
        var id = await OpenAsync(s, "P3");
        foreach (var role in new[] { "warehouse", "manager" })
        {
            var reader = await StaffAsync(admin, role);
            var ticket = (await reader.GetAsync($"/api/tickets/{id}")).AssertStatus(HttpStatusCode.OK).Json!;
            Assert.Empty(ticket["allowedActions"]!.AsArray());
            var refused = (await ActAsync(reader, id, "assign", new { engineerId })).AssertProblem(HttpStatusCode.Forbidden);
            Assert.Contains("staff", refused.Str("detail"));
            (await ActAsync(reader, id, "cancel", new { reason = "试试" })).AssertProblem(HttpStatusCode.Forbidden);
            (await ActAsync(reader, id, "prioritize", new { priority = "P1", reason = "试试" })).AssertProblem(HttpStatusCode.Forbidden);
            (await reader.PostAsync("/api/tickets", Archive.TicketBody(s.Device["serialNumber"]!.GetValue<string>()))).AssertProblem(HttpStatusCode.Forbidden);
            (await reader.SendAsync(Photo(id, "after"))).AssertProblem(HttpStatusCode.Forbidden);
        }
        var after = (await admin.GetAsync($"/api/tickets/{id}")).Json!;
        Assert.Equal("Submitted", after["status"]!.GetValue<string>());
        Assert.Equal("P3", after["priority"]!.GetValue<string>());
        Assert.Empty((await admin.GetAsync($"/api/tickets/{id}/photos")).Json!.AsArray());
        Assert.Single((await TimelineAsync(admin, id)), e => e!["kind"]!.GetValue<string>() == "submitted");

        var dispatcher = await StaffAsync(admin, "dispatcher");
        (await ActAsync(dispatcher, id, "assign", new { engineerId })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ACustomersOwnUrgencyCountsUpToP3AndOnlyARuleRaisesIt()
    {
        var admin = await app.Api().AsStaffAsync();
        var s = await SetupAsync(admin);
        var customer = await CustomerApiAsync(s, app.Api());
        var serial = s.Device["serialNumber"]!.GetValue<string>();
        object Body(string priority) => new { serialNumber = serial, faultCategory = "leak", description = "漏油严重，请马上来。", priority };

        var mine = (await customer.PostAsync("/api/tickets", Body("P1"))).AssertStatus(HttpStatusCode.Created).Json!;
        Assert.Equal("P3", mine["priority"]!.GetValue<string>());
        Assert.Equal("P4", (await customer.PostAsync("/api/tickets", Body("P4"))).AssertStatus(HttpStatusCode.Created).Str("priority"));
        Assert.Equal("P1", (await admin.PostAsync("/api/tickets", Body("P1"))).AssertStatus(HttpStatusCode.Created).Str("priority"));

        (await admin.PostAsync("/api/rules", new { name = "漏油 → P2", when = new { productLines = new[] { s.ProductLine }, faultCategories = new[] { "leak" } }, then = new { setPriority = "P2" } }))
            .AssertStatus(HttpStatusCode.Created);
        Assert.Equal("P2", (await customer.PostAsync("/api/tickets", Body("P1"))).AssertStatus(HttpStatusCode.Created).Str("priority"));
    }

    [Fact]
    public async Task ACustomerAddsFaultPhotosAndTheirSignatureButNotTheEngineersBeforeOrAfterPhotos()
    {
        var admin = await app.Api().AsStaffAsync();
        var s = await SetupAsync(admin);
        var customer = await CustomerApiAsync(s, app.Api());
        var (engineer, engineerId) = await EngineerAsync(admin, app.Api());
        var id = (await customer.PostAsync("/api/tickets", Archive.TicketBody(s.Device["serialNumber"]!.GetValue<string>()))).AssertStatus(HttpStatusCode.Created).Str("id");
        (await ActAsync(admin, id, "assign", new { engineerId })).AssertStatus(HttpStatusCode.OK);

        (await customer.SendAsync(Photo(id, "fault"))).AssertStatus(HttpStatusCode.Created);
        (await customer.SendAsync(Photo(id, "signature"))).AssertStatus(HttpStatusCode.Created);
        foreach (var kind in new[] { "before", "after" })
            Assert.Contains("engineer", (await customer.SendAsync(Photo(id, kind))).AssertProblem(HttpStatusCode.Forbidden).Str("detail"));
        (await engineer.SendAsync(Photo(id, "after"))).AssertStatus(HttpStatusCode.Created);

        var kinds = (await admin.GetAsync($"/api/tickets/{id}/photos")).Json!.AsArray().Select(p => p!["kind"]!.GetValue<string>()).Order();
        Assert.Equal(["after", "fault", "signature"], kinds);
    }

    [Fact]
    public async Task ACheckInFarFromTheSiteIsAcceptedAndFlaggedOnTheTimeline()
    {
        var admin = await app.Api().AsStaffAsync();
        var s = await SetupAsync(admin);
        var (engineer, engineerId) = await EngineerAsync(admin, app.Api());
        async Task<string> OnSiteAsync(double lat, double lng)
        {
            var id = await OpenAsync(s, "P3");
            (await ActAsync(admin, id, "assign", new { engineerId })).AssertStatus(HttpStatusCode.OK);
            (await ActAsync(engineer, id, "accept")).AssertStatus(HttpStatusCode.OK);
            Assert.Equal("OnSite", (await ActAsync(engineer, id, "arrive", new { lat, lng })).AssertStatus(HttpStatusCode.OK).Str("status"));
            return id;
        }

        var far = await OnSiteAsync(31.30, 121.60); // the site is at 31.19, 121.43: about 20 km away
        var flag = Assert.Single((await TimelineAsync(admin, far)).Kind("check-in-far"));
        Assert.InRange(flag["data"]!["distanceKm"]!.GetValue<double>(), 15, 25);
        var near = await OnSiteAsync(31.191, 121.431);
        Assert.Empty((await TimelineAsync(admin, near)).Kind("check-in-far"));
    }
}
