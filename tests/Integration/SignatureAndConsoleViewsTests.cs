using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>What the portal needs beyond the lifecycle: photo kinds, the customer's signature, the escalations inbox, engineers' workload.</summary>
public sealed class SignatureAndConsoleViewsTests(LifecycleAppFixture app) : IClassFixture<LifecycleAppFixture>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    private static async Task<Reply> UploadAsync(Api api, string ticketId, string? kind, int files = 1, string? idempotencyKey = null)
    {
        var form = new MultipartFormDataContent();
        if (kind is not null) form.Add(new StringContent(kind), "kind");
        for (var i = 0; i < files; i++)
        {
            var part = new ByteArrayContent(Png);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(part, "files", $"p{i}.png");
        }
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{ticketId}/photos") { Content = form };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await api.SendAsync(request);
    }

    private static string IdOfKind(Reply uploaded, string kind) =>
        uploaded.Json!.AsArray().Last(p => p!["kind"]!.GetValue<string>() == kind)!["id"]!.GetValue<string>();

    private async Task<(Setup S, string Id, Api Engineer, string EngineerId)> OnSiteAsync()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        var id = await OpenAsync(s);
        var (engineer, engineerId) = await EngineerAsync(staff, app.Api());
        (await ActAsync(staff, id, "assign", new { engineerId })).AssertStatus(HttpStatusCode.OK);
        (await ActAsync(engineer, id, "accept")).AssertStatus(HttpStatusCode.OK);
        (await ActAsync(engineer, id, "arrive", new { lat = 31.19, lng = 121.43 })).AssertStatus(HttpStatusCode.OK);
        return (s, id, engineer, engineerId);
    }

    [Fact]
    public async Task BeforeAndAfterPhotosAndTheCustomersSignatureAreKeptWithTheirKind()
    {
        var (_, id, engineer, engineerId) = await OnSiteAsync();

        (await UploadAsync(engineer, id, "before")).AssertStatus(HttpStatusCode.Created);
        (await UploadAsync(engineer, id, "after")).AssertStatus(HttpStatusCode.Created);
        var signature = IdOfKind((await UploadAsync(engineer, id, "signature")).AssertStatus(HttpStatusCode.Created), "signature");
        var resolved = (await ActAsync(engineer, id, "resolve", new { cause = "阀片磨损", solution = "更换阀片", laborMinutes = 60, signaturePhotoId = signature }))
            .AssertStatus(HttpStatusCode.OK).Json!;

        Assert.Equal(signature, resolved["work"]!["signature"]!["photoId"]!.GetValue<string>());
        Assert.Equal(engineerId, resolved["work"]!["signature"]!["collectedBy"]!.GetValue<string>());
        var kinds = (await engineer.GetAsync($"/api/tickets/{id}/photos")).Json!.AsArray().Select(p => p!["kind"]!.GetValue<string>());
        Assert.Equal(["after", "before", "signature"], kinds.Order());
        Assert.Equal(signature, (await TimelineAsync(engineer, id)).Kind("resolve").Single()["data"]!["signaturePhotoId"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheCustomerConfirmsWithTheirSignatureAndAPhotoThatIsNotASignatureIsRefused()
    {
        var (s, id, engineer, _) = await OnSiteAsync();
        // Everything slow happens before resolving: the test's confirmation window is 2 s, then the ticket closes by itself.
        var customer = await CustomerApiAsync(s, app.Api());
        var fault = IdOfKind((await UploadAsync(customer, id, null)).AssertStatus(HttpStatusCode.Created), "fault");
        var signature = IdOfKind((await UploadAsync(customer, id, "signature")).AssertStatus(HttpStatusCode.Created), "signature");
        (await ActAsync(engineer, id, "resolve", new { cause = "x", solution = "y", laborMinutes = 5 })).AssertStatus(HttpStatusCode.OK);

        Assert.Contains("signaturePhotoId", (await ActAsync(customer, id, "confirm", new { signaturePhotoId = fault })).AssertProblem(HttpStatusCode.BadRequest).ErrorFields);
        Assert.Contains("signaturePhotoId", (await ActAsync(customer, id, "confirm", new { signaturePhotoId = "pho-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b0" })).AssertProblem(HttpStatusCode.BadRequest).ErrorFields);
        Assert.Contains("signaturePhotoId", (await ActAsync(customer, id, "confirm", new { signaturePhotoId = "../../etc" })).AssertProblem(HttpStatusCode.BadRequest).ErrorFields);
        Assert.Equal("Resolved", (await customer.GetAsync($"/api/tickets/{id}")).Str("status"));
        var closed = (await ActAsync(customer, id, "confirm", new { signaturePhotoId = signature })).AssertStatus(HttpStatusCode.OK).Json!;

        Assert.Equal("Closed", closed["status"]!.GetValue<string>());
        Assert.Equal(signature, closed["work"]!["signature"]!["photoId"]!.GetValue<string>());
        Assert.Equal(s.Customer["id"]!.GetValue<string>(), closed["work"]!["signature"]!["collectedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnknownPhotoKindOrTwoSignaturesAtOnceStoreNothing()
    {
        var (_, id, engineer, _) = await OnSiteAsync();

        Assert.Contains("kind", (await UploadAsync(engineer, id, "selfie")).AssertProblem(HttpStatusCode.BadRequest).ErrorFields);
        Assert.Contains("files", (await UploadAsync(engineer, id, "signature", files: 2)).AssertProblem(HttpStatusCode.BadRequest).ErrorFields);

        Assert.Empty((await engineer.GetAsync($"/api/tickets/{id}/photos")).Json!.AsArray());
    }

    [Fact]
    public async Task AnUploadRepeatedWithItsIdempotencyKeyStoresNothingTwice()
    {
        var (_, id, engineer, _) = await OnSiteAsync();
        var key = Guid.NewGuid().ToString();

        var first = (await UploadAsync(engineer, id, "before", files: 2, idempotencyKey: key)).AssertStatus(HttpStatusCode.Created).Json!.AsArray();
        var again = (await UploadAsync(engineer, id, "before", files: 2, idempotencyKey: key)).AssertStatus(HttpStatusCode.Created).Json!.AsArray();
        Assert.Equal(2, first.Count);
        Assert.Equal(first.Select(p => p!["id"]!.GetValue<string>()).Order(), again.Select(p => p!["id"]!.GetValue<string>()).Order());

        (await UploadAsync(engineer, id, "after", idempotencyKey: Guid.NewGuid().ToString())).AssertStatus(HttpStatusCode.Created);
        Assert.Equal(3, (await engineer.GetAsync($"/api/tickets/{id}/photos")).Json!.AsArray().Count);
        Assert.Contains("Idempotency-Key", (await UploadAsync(engineer, id, "after", idempotencyKey: "has space")).AssertProblem(HttpStatusCode.BadRequest).ErrorFields);
    }

    [Fact]
    public async Task TheEscalationsInboxListsOpenTicketsInBreachUntilTheyAreDealtWith()
    {
        var staff = await app.Api().AsStaffAsync();
        var s = await SetupAsync(staff);
        await PolicyAsync(staff, s.ProductLine, "00:00:02", "10:00:00", "10:00:00", []);
        var id = await OpenAsync(s);
        async Task<IEnumerable<string>> Breached() =>
            (await staff.GetAsync("/api/tickets?slaState=breached&pageSize=100")).AssertStatus(HttpStatusCode.OK).Json!["items"]!.AsArray().Select(t => t!["id"]!.GetValue<string>());

        var listed = await EventuallyAsync(Breached, ids => ids.Contains(id));
        Assert.Contains(id, listed);
        (await ActAsync(staff, id, "cancel", new { reason = "客户已自行处理" })).AssertStatus(HttpStatusCode.OK);

        Assert.DoesNotContain(id, await EventuallyAsync(Breached, ids => !ids.Contains(id)));
        (await staff.GetAsync("/api/tickets?slaState=fine")).AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task StaffSeeEachEngineersOpenJobsAgainstTheirLimitAndEngineersDoNot()
    {
        var (_, _, engineer, engineerId) = await OnSiteAsync();
        var staff = await app.Api().AsStaffAsync();

        var workload = (await staff.GetAsync("/api/engineers/workload")).AssertStatus(HttpStatusCode.OK).Json!.AsArray();
        var mine = workload.Single(w => w!["id"]!.GetValue<string>() == engineerId)!;
        Assert.Equal(1, mine["openJobs"]!.GetValue<int>());
        Assert.True(mine["maxConcurrentJobs"]!.GetValue<int>() >= 1);
        (await engineer.GetAsync("/api/engineers/workload")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OnDutyChangesOnlyTheDutyAndOnlyStaffOrTheEngineerMayChangeIt()
    {
        var (s, _, engineer, engineerId) = await OnSiteAsync();
        var staff = await app.Api().AsStaffAsync();
        var before = (await staff.GetAsync($"/api/engineers/{engineerId}")).AssertStatus(HttpStatusCode.OK).Json!;

        var off = (await staff.PutAsync($"/api/engineers/{engineerId}/on-duty", new { onDuty = false })).AssertStatus(HttpStatusCode.OK).Json!;
        Assert.False(off["onDuty"]!.GetValue<bool>());
        Assert.Equal(before["name"]!.GetValue<string>(), off["name"]!.GetValue<string>());
        Assert.Equal(before["maxConcurrentJobs"]!.GetValue<int>(), off["maxConcurrentJobs"]!.GetValue<int>());
        Assert.True((await engineer.PutAsync($"/api/engineers/{engineerId}/on-duty", new { onDuty = true })).AssertStatus(HttpStatusCode.OK).Json!["onDuty"]!.GetValue<bool>());

        Assert.Contains("onDuty", (await staff.PutAsync($"/api/engineers/{engineerId}/on-duty", new { })).AssertProblem(HttpStatusCode.BadRequest).ErrorFields);
        var (other, _) = await EngineerAsync(staff, app.Api());
        (await other.PutAsync($"/api/engineers/{engineerId}/on-duty", new { onDuty = false })).AssertProblem(HttpStatusCode.NotFound);
        (await (await CustomerApiAsync(s, app.Api())).PutAsync($"/api/engineers/{engineerId}/on-duty", new { onDuty = false })).AssertProblem(HttpStatusCode.NotFound);
        Assert.True((await staff.GetAsync($"/api/engineers/{engineerId}")).Json!["onDuty"]!.GetValue<bool>());
    }
}
