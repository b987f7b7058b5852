using System.Net;
using System.Text.Json.Nodes;
using ServerlessService.Testing;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>
/// The app process is killed with SIGKILL in the middle of a burst of 50 intakes, each followed at once by a
/// dispatcher's assignment, all with Idempotency-Keys. After the restart every acknowledged ticket exists and every
/// acknowledged assignment is applied exactly once; repeating every request with its key applies nothing twice and
/// completes the rest; every SMS (receipt and assignment to the customer, job link to the engineer) goes out once.
/// </summary>
public sealed class KillDuringActionBurstTests(AzuriteFixture azurite)
{
    private const int Burst = 50;
    private const int Customers = 5;

    private sealed class Request(int index)
    {
        public int Index { get; } = index;
        public string IntakeKey { get; } = "intake-" + Guid.NewGuid().ToString("N");
        public string AssignKey { get; } = "assign-" + Guid.NewGuid().ToString("N");
        public string? TicketId { get; set; }
        public bool AssignAcknowledged { get; set; }
    }

    [Fact]
    public async Task AfterSigkillMidBurstEveryAcknowledgedActionIsAppliedOnceAndRetriesApplyNothingTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        var prefix = RunningApp.NewPrefix();
        var settings = FastSettings();
        // Messages the killed process had received come back after this long, as duplicates the engine must absorb (5 s, as
        // in KillAndRestartTests, let prefetched messages expire before they were processed when the machine was busy).
        var visibility = TimeSpan.FromSeconds(15);
        settings["EngineOptions:VisibilityTimeout"] = visibility.ToString();
        var requests = Enumerable.Range(0, Burst).Select(i => new Request(i)).ToList();
        var setups = new List<Setup>();
        string engineerId;
        var killedAt = DateTime.MaxValue;
        var engineerPhone = Archive.NewPhone();
        await using (var first = await AppProcess.StartAsync(azurite.ConnectionString, prefix, settings))
        {
            var staff = await new Api(first.Client()).AsStaffAsync();
            for (var i = 0; i < Customers; i++) setups.Add(await SetupAsync(staff));
            engineerId = (await Archive.EngineerAsync(staff, engineerPhone))["id"]!.GetValue<string>();
            var started = DateTime.UtcNow;
            var burst = requests.Select(r => Task.Run(() => IntakeThenAssignAsync(staff, r, setups[r.Index % Customers], engineerId, swallowFailures: true), ct)).ToList();
            // Kill once some assignments are acknowledged: the rest are in flight, and so are the SMS of the first ones.
            await EventuallyAsync(() => Task.FromResult(requests.Count(r => r.AssignAcknowledged)), n => n >= 10, TimeSpan.FromSeconds(60));
            await first.KillAsync();
            killedAt = DateTime.UtcNow;
            TestContext.Current.TestOutputHelper?.WriteLine($"Killed {(killedAt - started).TotalSeconds:F1} s into the burst.");
            await Task.WhenAll(burst);
        }
        var acknowledgedTickets = requests.Where(r => r.TicketId is not null).ToDictionary(r => r.Index, r => r.TicketId!);
        var acknowledgedAssigns = requests.Where(r => r.AssignAcknowledged).Select(r => r.TicketId!).ToList();
        var log = TestContext.Current.TestOutputHelper;
        log?.WriteLine($"At the kill: {acknowledgedTickets.Count} intakes and {acknowledgedAssigns.Count} assignments acknowledged.");
        Assert.True(acknowledgedAssigns.Count < Burst, "the process died in the middle of the burst");

        await using var second = await AppProcess.StartAsync(azurite.ConnectionString, prefix, settings);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        log?.WriteLine($"Restarted {(DateTime.UtcNow - killedAt).TotalSeconds:F1} s after the kill.");
        var admin = await new Api(second.Client()).AsStaffAsync();
        foreach (var id in acknowledgedTickets.Values) (await admin.GetAsync($"/api/tickets/{id}")).AssertStatus(HttpStatusCode.OK);
        foreach (var id in acknowledgedAssigns) Assert.True(await AssignedAsync(admin, id, deadline), $"acknowledged assignment of {id} was applied");

        // Every request again with its key: acknowledged ones replay, the others are applied now.
        await Task.WhenAll(requests.Select(r => IntakeThenAssignAsync(admin, r, setups[r.Index % Customers], engineerId, swallowFailures: false)));
        log?.WriteLine($"Every request repeated {60 - (deadline - DateTime.UtcNow).TotalSeconds:F1} s after the restart.");
        foreach (var (index, id) in acknowledgedTickets) Assert.Equal(id, requests[index].TicketId);
        var numbers = new Dictionary<string, string>();
        foreach (var r in requests)
        {
            Assert.True(await AssignedAsync(admin, r.TicketId!, deadline), $"assignment of {r.TicketId} was applied after its retry");
            numbers[r.TicketId!] = (await admin.GetAsync($"/api/tickets/{r.TicketId}")).Str("number");
        }
        await EventuallyAsync(() => InboxAsync(admin, engineerPhone), m => numbers.Values.All(n => m.Any(b => b.Contains(n))), deadline - DateTime.UtcNow);
        Assert.True(DateTime.UtcNow < deadline, "everything was applied and sent within 60 s of the restart");
        log?.WriteLine($"Everything applied and sent {60 - (deadline - DateTime.UtcNow).TotalSeconds:F1} s after the restart.");
        // Until messages the killed process held invisible have surfaced again as duplicates, and a little longer.
        var settled = killedAt + visibility + TimeSpan.FromSeconds(3) - DateTime.UtcNow;
        if (settled > TimeSpan.Zero) await Task.Delay(settled, ct);

        var jobs = await InboxAsync(admin, engineerPhone);
        var customerInboxes = new List<string>();
        foreach (var s in setups) customerInboxes.AddRange(await InboxAsync(admin, s.Customer["phone"]!.GetValue<string>()));
        foreach (var r in requests)
        {
            var number = numbers[r.TicketId!];
            var timeline = await TimelineAsync(admin, r.TicketId!);
            Assert.Single(timeline.Kind("submitted"));
            Assert.Single(timeline.Kind("assign"));
            Assert.Single(jobs, b => b.Contains(number));
            Assert.Single(customerInboxes, b => b.Contains(number) && b.Contains("已受理"));
            Assert.Single(customerInboxes, b => b.Contains(number) && b.Contains("已派工程师"));
        }
    }

    /// <summary>Opens the ticket and assigns it, each with its key; a 202 counts as acknowledged, like a 200.</summary>
    private static async Task IntakeThenAssignAsync(Api staff, Request r, Setup s, string engineerId, bool swallowFailures)
    {
        try
        {
            var created = await staff.PostAsync("/api/tickets", Archive.TicketBody(s.Device["serialNumber"]!.GetValue<string>()), r.IntakeKey);
            if (created.Status is not (HttpStatusCode.Created or HttpStatusCode.OK)) throw new InvalidOperationException($"intake: {(int)created.Status} {created.Text}");
            r.TicketId = created.Str("id");
            var assigned = await ActAsync(staff, r.TicketId, "assign", new { engineerId }, r.AssignKey);
            // 503: the ticket's workflow is still starting (its start message comes back after the visibility timeout); a client retries.
            for (var i = 0; assigned.Status == HttpStatusCode.ServiceUnavailable && !swallowFailures && i < 10; i++)
            {
                await Task.Delay(1000);
                assigned = await ActAsync(staff, r.TicketId, "assign", new { engineerId }, r.AssignKey);
            }
            if (assigned.Status is not (HttpStatusCode.OK or HttpStatusCode.Accepted)) throw new InvalidOperationException($"assign: {(int)assigned.Status} {assigned.Text}");
            r.AssignAcknowledged = true;
        }
        catch (Exception) when (swallowFailures)
        {
            // The process died under this request: it may or may not have been applied.
        }
    }

    /// <summary>True once the ticket is assigned (its assignment line on the timeline), false if not by the deadline.</summary>
    private static async Task<bool> AssignedAsync(Api admin, string id, DateTime deadline)
    {
        var timeline = await EventuallyAsync(() => TimelineAsync(admin, id), t => t.Kind("assign").Any(), deadline - DateTime.UtcNow);
        return timeline.Kind("assign").Any();
    }

    private static async Task<List<string>> InboxAsync(Api admin, string phone) =>
        (await admin.GetAsync("/api/dev/sms?max=100&to=" + Uri.EscapeDataString(phone))).AssertStatus(HttpStatusCode.OK)
            .Json!.AsArray().Select(m => m!["body"]!.GetValue<string>()).ToList();
}
