using System.Net;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>Admins edit message templates; the next message uses the new text.</summary>
public sealed class MessageTemplateTests(LifecycleAppFixture app) : IClassFixture<LifecycleAppFixture>
{
    [Fact]
    public async Task AnAdminsTextIsUsedForTheNextMessageAndBadPlaceholdersAreRefused()
    {
        var admin = await app.Api().AsStaffAsync();
        var all = (await admin.GetAsync("/api/notification-templates")).AssertStatus(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal(20, all.Count);
        var received = all.Single(t => t!["event"]!.GetValue<string>() == "ticket-received" && t["language"]!.GetValue<string>() == "zh-CN")!;
        Assert.True(received["default"]!.GetValue<bool>());
        Assert.Equal("UCS-2", received["length"]!["encoding"]!.GetValue<string>());

        var bad = (await admin.PutAsync("/api/notification-templates/ticket-received/zh-CN", new { text = "工单 {ticketNumber} 由 {engineerName} 处理" }))
            .AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("{engineerName}", bad.Json!["errors"]!["text"]![0]!.GetValue<string>());
        (await admin.PutAsync("/api/notification-templates/no-such-event/zh-CN", new { text = "x" })).AssertProblem(HttpStatusCode.NotFound);
        (await admin.PutAsync("/api/notification-templates/ticket-received/fr", new { text = "x" })).AssertProblem(HttpStatusCode.NotFound);

        var put = (await admin.PutAsync("/api/notification-templates/ticket-received/zh-CN", new { text = "【测试】已收到您的报修 {ticketNumber}（设备 {serialNumber}）。" }))
            .AssertStatus(HttpStatusCode.OK).Json!;
        Assert.False(put["default"]!.GetValue<bool>());
        Assert.Equal(1, put["length"]!["segments"]!.GetValue<int>());

        var s = await SetupAsync(admin);
        var id = await OpenAsync(s);
        var number = (await admin.GetAsync($"/api/tickets/{id}")).Str("number");
        var phone = s.Customer["phone"]!.GetValue<string>();
        var inbox = await EventuallyAsync(async () => (await admin.GetAsync("/api/dev/sms?to=" + Uri.EscapeDataString(phone))).Json!.AsArray(), m => m.Count > 0);
        Assert.Equal($"【测试】已收到您的报修 {number}（设备 {s.Device["serialNumber"]!.GetValue<string>()}）。", inbox[0]!["body"]!.GetValue<string>());

        (await admin.PostAsync("/api/staff", new { username = "disp-tpl", displayName = "调度", role = "dispatcher", password = "dispatcher-pass-1" })).AssertStatus(HttpStatusCode.Created);
        var dispatcher = await app.Api().AsStaffAsync("disp-tpl", "dispatcher-pass-1");
        (await dispatcher.PutAsync("/api/notification-templates/ticket-received/zh-CN", new { text = "x" })).AssertProblem(HttpStatusCode.Forbidden);
        var reset = (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/notification-templates/ticket-received/zh-CN"))).AssertStatus(HttpStatusCode.OK).Json!;
        Assert.True(reset["default"]!.GetValue<bool>());
    }

    [Fact]
    public async Task APreviewMeasuresAndChecksTheTextWithoutSavingIt()
    {
        var admin = await app.Api().AsStaffAsync();
        var before = (await admin.GetAsync("/api/notification-templates")).Json!.AsArray()
            .Single(t => t!["event"]!.GetValue<string>() == "ticket-closed" && t["language"]!.GetValue<string>() == "en")!["text"]!.GetValue<string>();

        var preview = (await admin.PostAsync("/api/notification-templates/ticket-closed/en/preview", new { text = "Ticket {ticketNumber} " + new string('x', 160) }))
            .AssertStatus(HttpStatusCode.OK).Json!;
        Assert.Equal(2, preview["length"]!["segments"]!.GetValue<int>());
        Assert.Equal("GSM-7", preview["length"]!["encoding"]!.GetValue<string>());
        var bad = (await admin.PostAsync("/api/notification-templates/ticket-closed/en/preview", new { text = "Ticket {nope}" })).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("{nope}", bad.Json!["errors"]!["text"]![0]!.GetValue<string>());

        var after = (await admin.GetAsync("/api/notification-templates")).Json!.AsArray()
            .Single(t => t!["event"]!.GetValue<string>() == "ticket-closed" && t["language"]!.GetValue<string>() == "en")!["text"]!.GetValue<string>();
        Assert.Equal(before, after);
    }
}
