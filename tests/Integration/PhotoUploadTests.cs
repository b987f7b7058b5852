using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ServerlessService.IntegrationTests;

public sealed class PhotoUploadTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Range(0, 2_000_000).Select(i => (byte)i)];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. Encoding.ASCII.GetBytes("JFIF-test-bytes")];

    private async Task<(Api Customer, string TicketId)> TicketAsync()
    {
        var staff = await app.Api().AsStaffAsync();
        var c = await Archive.CustomerAsync(staff);
        var d = await Archive.DeviceAsync(staff, c["id"]!.ToString());
        var (me, _) = await app.Api().AsPhoneAsync(c["phone"]!.ToString());
        var t = (await me.PostAsync("/api/tickets", Archive.TicketBody(d["serialNumber"]!.ToString()))).AssertStatus(HttpStatusCode.Created);
        return (me, t.Str("id"));
    }

    private static HttpRequestMessage Upload(string ticketId, params (string Name, byte[] Bytes, string ContentType)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes, type) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "files", name);
        }
        return new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{ticketId}/photos") { Content = form };
    }

    [Fact]
    public async Task PhotosAreStoredAndReadableThroughShortLivedLinks()
    {
        var (me, ticket) = await TicketAsync();

        (await me.SendAsync(Upload(ticket, ("现场.png", Png, "image/png"), ("before.jpg", Jpeg, "image/jpeg")))).AssertStatus(HttpStatusCode.Created);

        var list = (await me.GetAsync($"/api/tickets/{ticket}/photos")).AssertStatus(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal(["image/jpeg", "image/png"], list.Select(p => p!["contentType"]!.ToString()).Order());
        Assert.Contains(list, p => p!["fileName"]!.ToString() == "现场.png");
        using var plain = new HttpClient();
        var png = list.First(p => p!["contentType"]!.ToString() == "image/png")!;
        Assert.Equal(Png, await plain.GetByteArrayAsync(png["url"]!.ToString(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnythingButAnImageIsRefusedAndNothingOfTheRequestIsStored()
    {
        var (me, ticket) = await TicketAsync();
        var disguised = Encoding.UTF8.GetBytes("this is a text file renamed to .jpg");

        var refused = (await me.SendAsync(Upload(ticket, ("ok.png", Png, "image/png"), ("photo.jpg", disguised, "image/jpeg"))))
            .AssertProblem(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("files", refused.ErrorFields);
        (await me.PostAsync($"/api/tickets/{ticket}/photos", new { photo = "base64?" })).AssertProblem(HttpStatusCode.UnsupportedMediaType);
        Assert.Empty((await me.GetAsync($"/api/tickets/{ticket}/photos")).Json!.AsArray());
    }

    [Fact]
    public async Task APhotoOverTenMegabytesIsRefusedAndNothingIsStored()
    {
        var (me, ticket) = await TicketAsync();
        byte[] big = [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[10 * 1024 * 1024]];

        (await me.SendAsync(Upload(ticket, ("small.png", Png, "image/png"), ("huge.jpg", big, "image/jpeg")))).AssertProblem(HttpStatusCode.RequestEntityTooLarge);

        Assert.Empty((await me.GetAsync($"/api/tickets/{ticket}/photos")).Json!.AsArray());
    }

    [Fact]
    public async Task AnotherCustomerCannotAddPhotosToTheTicket()
    {
        var (_, ticket) = await TicketAsync();
        var (stranger, _) = await app.Api().AsPhoneAsync(Archive.NewPhone());

        (await stranger.SendAsync(Upload(ticket, ("x.png", Png, "image/png")))).AssertProblem(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/tickets/{ticket}/photos")).AssertProblem(HttpStatusCode.NotFound);
    }
}
