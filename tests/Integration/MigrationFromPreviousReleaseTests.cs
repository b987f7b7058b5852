using ServerlessService.Orchestrations.Lifecycle.Actions;
using System.Net;
using System.Text.Json.Nodes;
using ServerlessService.Core.Common;
using ServerlessService.Orchestrations.Lifecycle;
using ServerlessService.Testing;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>
/// The first start of this release on a store the previous release wrote takes its tickets over: they are listed and
/// readable as before, open ones run on with their SLA timers, state timers and held messages, actions work on them,
/// and a second start migrates nothing twice.
/// </summary>
public sealed class MigrationFromPreviousReleaseTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TicketsOfThePreviousReleaseRunOnAfterTheUpgradeAndASecondStartChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var prefix = RunningApp.NewPrefix();
        var settings = FastSettings();
        JsonNode customer, device;
        string engineerId, engineerPhone = Archive.NewPhone(), adminSubject;
        // Customers, devices, engineers and staff are stored alike by both releases: entered through the API.
        await using (var before = await RunningApp.StartAsync(azurite.ConnectionString, prefix, settings))
        {
            var anonymous = new Api(before.Client());
            var staff = await anonymous.AsStaffAsync();
            customer = await Archive.CustomerAsync(staff);
            device = await Archive.DeviceAsync(staff, customer["id"]!.GetValue<string>());
            engineerId = (await Archive.EngineerAsync(staff, engineerPhone))["id"]!.GetValue<string>();
            adminSubject = (await anonymous.PostAsync("/api/auth/login", new { username = "admin", password = RunningApp.AdminPassword })).Str("subject");
        }
        var old = await WritePreviousReleaseAsync(prefix, customer, device, engineerId, adminSubject);

        await using (var upgraded = await RunningApp.StartAsync(azurite.ConnectionString, prefix, settings))
        {
            var anonymous = new Api(upgraded.Client());
            var staff = await anonymous.AsStaffAsync();
            var listed = (await staff.GetAsync($"/api/tickets?customerId={customer["id"]}")).AssertStatus(HttpStatusCode.OK).Json!["items"]!.AsArray();
            Assert.Equal(new[] { old.Open, old.Resolved, old.Closed }.Order(), listed.Select(t => t!["id"]!.GetValue<string>()).Order());
            Assert.Equal("Assigned", await StatusAsync(staff, old.Open));
            Assert.Equal(["submitted", "assign", "resolve", "confirm"], (await TimelineAsync(staff, old.Closed)).Select(e => e!["kind"]!.GetValue<string>()));
            Assert.Equal("sent", (await staff.GetAsync($"/api/tickets/{old.Open}/messages")).Json!.AsArray()
                .Single(m => m!["kind"]!.GetValue<string>() == "engineer-link")!["status"]!.GetValue<string>());

            // The open P1 ticket's resolution clock warns and breaches on its timer; its held customer message goes out.
            var timeline = await EventuallyAsync(() => TimelineAsync(staff, old.Open), t => t.Kind("sla-breach").Any(), Within);
            Assert.Single(timeline.Kind("sla-warning"));
            Assert.Single(timeline.Kind("sla-breach"));
            await EventuallyAsync(() => InboxAsync(staff, old.CustomerPhone), m => m.Any(b => b.Contains(old.OpenNumber)), Within);
            // The resolved ticket closes by its state timer.
            await EventuallyAsync(() => StatusAsync(staff, old.Resolved), s => s == "Closed", Within);

            var (engineer, _) = await anonymous.AsPhoneAsync(engineerPhone, "engineer");
            (await ActAsync(engineer, old.Open, "accept")).AssertStatus(HttpStatusCode.OK);
            Assert.Equal("Accepted", await StatusAsync(staff, old.Open));
            // An integrator retrying the assignment it made before the upgrade gets the first result back.
            var retried = (await ActAsync(staff, old.Open, "assign", new { engineerId }, old.AssignKey)).AssertStatus(HttpStatusCode.OK);
            Assert.Equal("true", retried.Headers.GetValues("Idempotent-Replayed").Single());
        }

        await using (var again = await RunningApp.StartAsync(azurite.ConnectionString, prefix, settings))
        {
            var staff = await new Api(again.Client()).AsStaffAsync();
            await Task.Delay(3000, ct);
            Assert.Equal("Accepted", await StatusAsync(staff, old.Open));
            var accepted = (await staff.GetAsync($"/api/tickets?status=Accepted&customerId={customer["id"]}")).Json!["items"]!.AsArray();
            Assert.Equal([old.Open], accepted.Select(t => t!["id"]!.GetValue<string>()));
            var open = await TimelineAsync(staff, old.Open);
            foreach (var kind in new[] { "submitted", "assign", "sla-warning", "sla-breach", "accept" }) Assert.Single(open.Kind(kind));
            Assert.Single((await TimelineAsync(staff, old.Resolved)).Kind("auto-close"));
            Assert.Equal(4, (await TimelineAsync(staff, old.Closed)).Count);
            Assert.Equal(2, (await InboxAsync(staff, SupervisorPhone)).Count(b => b.Contains(old.OpenNumber)));
            var customerSms = await InboxAsync(staff, old.CustomerPhone);
            Assert.Single(customerSms, b => b.Contains(old.OpenNumber));
            Assert.Single(customerSms, b => b.Contains(old.ResolvedNumber));
        }
    }

    private sealed record OldStore(string Open, string OpenNumber, string Resolved, string ResolvedNumber, string Closed, string CustomerPhone, string AssignKey);

    /// <summary>
    /// An open P1 ticket (resolution clock of 20 s with a warning at 50 %, its assignment SMS to the customer held back),
    /// a resolved one waiting for its auto-close timer, and a closed one — as the previous release left them.
    /// </summary>
    private async Task<OldStore> WritePreviousReleaseAsync(string prefix, JsonNode customer, JsonNode device, string engineerId, string admin)
    {
        var store = new PreviousRelease(azurite.ConnectionString, prefix);
        var now = DateTimeOffset.UtcNow;
        string Number() => $"{now:yyMMdd}-{Random.Shared.Next(1000, 9999)}";
        var phone = customer["phone"]!.GetValue<string>();
        var (open, openNumber) = (Ids.New("tkt"), Number());
        var assignKey = "erp-" + Guid.NewGuid().ToString("N");
        var assigned = new PreviousRelease.Line(2, "assign", admin, "admin", "Submitted", "Assigned", new JsonObject { ["engineerId"] = engineerId });
        JsonObject Values(string number) => new() { ["ticketNumber"] = number, ["priority"] = "P1", ["window"] = "今天" };
        await store.AddAsync(
            PreviousRelease.Ticket(open, openNumber, "Assigned", "P1", customer, device, engineerId, now,
                PreviousRelease.Sla([50], ("response", TimeSpan.FromHours(1), now), ("arrival", TimeSpan.FromHours(1), null), ("resolution", TimeSpan.FromSeconds(20), now))),
            now, [Submitted(), assigned],
            [new("sla:response", now.AddMinutes(30)), new("sla:resolution", now.AddSeconds(10))],
            [
                new("obx-" + Guid.NewGuid().ToString("N"), "engineer-link", new JsonObject { ["op"] = "send", ["engineerId"] = engineerId }, "Done", now),
                new("obx-" + Guid.NewGuid().ToString("N"), "notify", new JsonObject
                {
                    ["ticketId"] = open, ["audience"] = "customer", ["engineerId"] = engineerId, ["phone"] = phone, ["event"] = "engineer-assigned", ["values"] = Values(openNumber),
                }, "Pending", now.AddSeconds(8)),
                new("obx-" + Guid.NewGuid().ToString("N"), "capacity", new JsonObject { ["op"] = "reserve", ["engineerId"] = engineerId, ["force"] = true }, "Done", now),
            ],
            completed: false,
            [($"api|{admin}|{assignKey}", IdempotencyKeys.Fingerprint(new { action = "assign", input = TicketActions.Find("assign")!.Validate(new ActionInput(EngineerId: engineerId)) }))]);

        var (resolved, resolvedNumber) = (Ids.New("tkt"), Number());
        var work = new JsonObject { ["acceptedAt"] = now.AddHours(-2), ["arrivedAt"] = now.AddHours(-1) };
        await store.AddAsync(PreviousRelease.Ticket(resolved, resolvedNumber, "Resolved", "P1", customer, device, engineerId, now.AddHours(-3), work: work),
            now, [Submitted(), assigned, new(3, "resolve", engineerId, "engineer", "OnSite", "Resolved")], [new("state:auto-close", now.AddSeconds(6))], [], completed: false);

        var closed = Ids.New("tkt");
        await store.AddAsync(PreviousRelease.Ticket(closed, Number(), "Closed", "P3", customer, device, engineerId, now.AddDays(-1)),
            now, [Submitted(), assigned, new(3, "resolve", engineerId, "engineer", "OnSite", "Resolved"), new(4, "confirm", customer["id"]!.GetValue<string>(), "customer", "Resolved", "Closed")],
            [], [], completed: true);
        return new OldStore(open, openNumber, resolved, resolvedNumber, closed, phone, assignKey);

        static PreviousRelease.Line Submitted() => new(1, "submitted", "admin", "admin", null, "Submitted", new JsonObject { ["priority"] = "P1" });
    }

    private static async Task<string> StatusAsync(Api staff, string id) =>
        (await staff.GetAsync($"/api/tickets/{id}")).AssertStatus(HttpStatusCode.OK).Str("status");

    private static async Task<List<string>> InboxAsync(Api admin, string phone) =>
        (await admin.GetAsync("/api/dev/sms?max=100&to=" + Uri.EscapeDataString(phone))).AssertStatus(HttpStatusCode.OK)
            .Json!.AsArray().Select(m => m!["body"]!.GetValue<string>()).ToList();
}
