using System.Net;
using ServerlessService.Testing;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>
/// The app process is killed with SIGKILL while durable timers are armed and SMS activities are queued or running;
/// after a restart (same worker id, so it takes its partitions back at once) every timer fires exactly once and
/// every SMS is sent exactly once.
/// </summary>
public sealed class KillAndRestartTests(AzuriteFixture azurite)
{
    private const int Tickets = 30;

    [Fact]
    public async Task AfterSigkillTheRestartedAppFiresEveryTimerAndSendsEverySmsExactlyOnce()
    {
        var prefix = RunningApp.NewPrefix();
        var settings = FastSettings();
        // Messages the killed process had received stay hidden only this long, then surface again as duplicates.
        settings["EngineOptions:VisibilityTimeout"] = "00:00:05";
        var ids = new List<string>();
        var numbers = new List<string>();
        await using (var first = await AppProcess.StartAsync(azurite.ConnectionString, prefix, settings))
        {
            var staff = await new Api(first.Client()).AsStaffAsync();
            var s = await SetupAsync(staff);
            await PolicyAsync(staff, s.ProductLine, "00:00:03", "10:00:00", "10:00:00", [50]);
            // Opened together, so their warnings fire together and their SMS queue up behind each other.
            var opened = DateTime.UtcNow;
            ids.AddRange(await Task.WhenAll(Enumerable.Range(0, Tickets).Select(_ => OpenAsync(s))));
            foreach (var id in ids) numbers.Add((await staff.GetAsync($"/api/tickets/{id}")).Str("number"));
            // Kill as soon as the first warning is on a timeline: the others are firing, their SMS queued, breaches armed.
            var until = DateTime.UtcNow.AddSeconds(20);
            while (await WarningsFiredAsync(prefix) == 0 && DateTime.UtcNow < until) await Task.Delay(10, TestContext.Current.CancellationToken);
            await first.KillAsync();
        }

        var (armed, pending) = await PendingWorkAsync(prefix, ids);
        TestContext.Current.TestOutputHelper?.WriteLine($"At the kill: {armed} tickets with their breach timer armed, {pending} SMS queued.");
        Assert.True(armed > 0, "timers were still armed when the process died");
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        await using var second = await AppProcess.StartAsync(azurite.ConnectionString, prefix, settings);
        var admin = await new Api(second.Client()).AsStaffAsync();
        foreach (var id in ids)
            await EventuallyAsync(() => TimelineAsync(admin, id), t => t.Kind("sla-breach").Any(), TimeSpan.FromSeconds(60));
        // Every ticket's warning and breach SMS, however long the restarted app takes to send them…
        await EventuallyAsync(() => InboxAsync(admin), inbox => numbers.All(n => inbox.Count(b => b.Contains(n + "（")) >= 2), TimeSpan.FromSeconds(60));
        // …then long enough for messages the killed process held invisible to surface again as duplicates.
        await Task.Delay(6000, TestContext.Current.CancellationToken);

        var inbox = await InboxAsync(admin);
        for (var i = 0; i < Tickets; i++)
        {
            var timeline = await TimelineAsync(admin, ids[i]);
            Assert.Single(timeline.Kind("sla-warning"));
            Assert.Single(timeline.Kind("sla-breach"));
            var mine = inbox.Where(b => b.Contains(numbers[i] + "（")).ToList();
            Assert.Single(mine, b => b.Contains("超时预警"));
            Assert.Single(mine, b => b.Contains("已超出响应时限"));
            Assert.Equal(2, mine.Count);
        }
    }

    private static async Task<List<string>> InboxAsync(Api admin) =>
        (await admin.GetAsync("/api/dev/sms?to=" + Uri.EscapeDataString(SupervisorPhone) + "&max=100")).AssertStatus(HttpStatusCode.OK)
            .Json!.AsArray().Select(m => m!["body"]!.GetValue<string>()).ToList();

    private async Task<int> WarningsFiredAsync(string prefix)
    {
        var n = 0;
        await foreach (var row in Rows(prefix, e => e.RowKey.CompareTo("h|") >= 0 && e.RowKey.CompareTo("h}") < 0))
            if (row.GetString("Json").Contains("\"sla-warning\"", StringComparison.Ordinal)) n++;
        return n;
    }

    /// <summary>What the dead process left behind, read from the read model: tickets not yet breached (their breach timer is armed) and queued SMS.</summary>
    private async Task<(int Armed, int Pending)> PendingWorkAsync(string prefix, IEnumerable<string> ids)
    {
        int armed = 0, pending = 0;
        foreach (var id in ids)
        {
            var breached = false;
            await foreach (var row in Rows(prefix, e => e.PartitionKey == id))
            {
                if (row.RowKey.StartsWith("h|", StringComparison.Ordinal) && row.GetString("Json").Contains("\"sla-breach\"", StringComparison.Ordinal)) breached = true;
                else if (row.RowKey.StartsWith("m|", StringComparison.Ordinal) && row.GetString("Json").Contains("\"queued\"", StringComparison.Ordinal)) pending++;
            }
            if (!breached) armed++;
        }
        return (armed, pending);
    }

    private Azure.AsyncPageable<Azure.Data.Tables.TableEntity> Rows(string prefix, System.Linq.Expressions.Expression<Func<Azure.Data.Tables.TableEntity, bool>> filter) =>
        new Azure.Data.Tables.TableClient(azurite.ConnectionString, prefix + ServerlessService.Core.Storage.TableNames.Tickets).QueryAsync(filter, cancellationToken: TestContext.Current.CancellationToken);
}
