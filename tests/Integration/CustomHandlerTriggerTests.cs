using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using ServerlessService.Testing;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>
/// The app as the Azure Functions host runs it: the port from FUNCTIONS_CUSTOMHANDLER_PORT, no queue pump, and
/// the queue and timer triggers delivered as POST /{FunctionName} with {"Data":{"msg":…}}. The test plays the host.
/// </summary>
public sealed class CustomHandlerTriggerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task QueueAndTimerTriggersRunTheWorkflowWhenTheHostDeliversThem()
    {
        var prefix = RunningApp.NewPrefix();
        var settings = FastSettings();
        settings.Remove("WorkflowOptions:MaxTimerDelay"); // only the due timer's message is visible, as in production
        await using var app = await AppProcess.StartAsync(azurite.ConnectionString, prefix, settings, asCustomHandler: true);
        var http = new Api(app.Client());
        var staff = await http.AsStaffAsync();
        var s = await SetupAsync(staff);
        await PolicyAsync(staff, s.ProductLine, "00:00:01", "10:00:00", "10:00:00", []);
        var id = await OpenAsync(s);

        await Task.Delay(2500, TestContext.Current.CancellationToken);
        Assert.Empty((await TimelineAsync(staff, id)).Kind("sla-breach"));

        Assert.Equal(1, await DeliverAsync(http, prefix + "timers", "/TimerWorker"));
        Assert.Single((await TimelineAsync(staff, id)).Kind("sla-breach"));
        // The breach's SMS, and intake's customer SMS and automatic dispatch attempt.
        Assert.Equal(3, await DeliverAsync(http, prefix + "outbox", "/OutboxWorker"));
        var inbox = (await staff.GetAsync("/api/dev/sms?to=" + Uri.EscapeDataString(SupervisorPhone))).AssertStatus(HttpStatusCode.OK).Json!.AsArray();
        Assert.Single(inbox);
        var sweep = (await http.PostAsync("/Sweep", new { Data = new { timer = new { } }, Metadata = new { } })).AssertStatus(HttpStatusCode.OK);
        Assert.True(sweep.Json!.AsObject().ContainsKey("Outputs"));
    }

    [Fact]
    public async Task TheTriggerRoutesAreNotServedOutsideTheFunctionsHost()
    {
        await using var app = await RunningApp.StartAsync(azurite.ConnectionString, RunningApp.NewPrefix());
        var anonymous = await new Api(app.Client()).PostAsync("/TimerWorker", new { Data = new { msg = "{}" } });
        var admin = await (await new Api(app.Client()).AsStaffAsync()).PostAsync("/TimerWorker", new { Data = new { msg = "{}" } });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal(HttpStatusCode.NotFound, admin.Status);
    }

    /// <summary>What the host does for a queue trigger: take the visible messages and POST each; delete it on 200.</summary>
    private async Task<int> DeliverAsync(Api http, string queueName, string function)
    {
        var queue = new QueueClient(azurite.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Value;
        foreach (var m in messages)
        {
            var r = await http.PostAsync(function, new { Data = new { msg = m.Body.ToString() }, Metadata = new { DequeueCount = m.DequeueCount } });
            r.AssertStatus(HttpStatusCode.OK);
            Assert.Equal(["Outputs", "Logs", "ReturnValue"], r.Json!.AsObject().Select(kv => kv.Key));
            await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, TestContext.Current.CancellationToken);
        }
        return messages.Length;
    }
}
