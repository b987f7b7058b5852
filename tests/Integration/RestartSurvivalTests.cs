using System.Net;
using ServerlessService.Testing;

namespace ServerlessService.IntegrationTests;

public sealed class RestartSurvivalTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task DataAndTokensSurviveARestartOnTheSameStorage()
    {
        var prefix = RunningApp.NewPrefix();
        string token, ticketId, serial;
        await using (var first = await RunningApp.StartAsync(azurite.ConnectionString, prefix))
        {
            var staff = await new Api(first.Client()).AsStaffAsync();
            var customer = await Archive.CustomerAsync(staff);
            serial = (await Archive.DeviceAsync(staff, customer["id"]!.ToString()))["serialNumber"]!.ToString();
            ticketId = (await staff.PostAsync("/api/tickets", Archive.TicketBody(serial))).AssertStatus(HttpStatusCode.Created).Str("id");
            token = staff.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        }

        await using var second = await RunningApp.StartAsync(azurite.ConnectionString, prefix);
        var again = new Api(second.Client()).As(token);

        Assert.Equal(ticketId, (await again.GetAsync("/api/tickets/" + ticketId)).AssertStatus(HttpStatusCode.OK).Str("id"));
        var device = (await again.GetAsync("/api/devices/" + serial)).AssertStatus(HttpStatusCode.OK);
        Assert.Single(device.Json!["repairs"]!.AsArray());
    }
}
