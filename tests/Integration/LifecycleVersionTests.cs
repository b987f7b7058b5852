using System.Net;
using System.Text.Json.Nodes;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>Admins publish lifecycle versions; bad ones are refused, and running tickets keep the version they started with.</summary>
public sealed class LifecycleVersionTests(LifecycleAppFixture app) : IClassFixture<LifecycleAppFixture>
{
    [Fact]
    public async Task ANewVersionAppliesToNewTicketsOnlyAndABrokenOneIsRefused()
    {
        var admin = await app.Api().AsStaffAsync();
        var s = await SetupAsync(admin);
        var old = await OpenAsync(s);
        var v1 = (await admin.GetAsync("/api/lifecycle/versions/1")).AssertStatus(HttpStatusCode.OK).Json!.AsObject();

        var broken = v1.DeepClone().AsObject();
        broken["version"] = 2;
        broken["transitions"]!.AsArray().Add(new JsonObject { ["event"] = "teleport", ["from"] = new JsonArray("Submitted"), ["to"] = "Nowhere", ["by"] = new JsonArray("staff") });
        var refused = (await admin.PostAsync("/api/lifecycle/versions", broken)).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains(refused.ErrorFields, f => f.EndsWith(".to", StringComparison.Ordinal));
        Assert.Contains(refused.ErrorFields, f => f.EndsWith(".event", StringComparison.Ordinal));
        var nullState = v1.DeepClone().AsObject();
        nullState["version"] = 2;
        nullState["states"]!["EnRoute"] = null;
        Assert.Contains("states.EnRoute", (await admin.PostAsync("/api/lifecycle/versions", nullState)).AssertProblem(HttpStatusCode.BadRequest).ErrorFields);
        (await admin.PostRawAsync("/api/lifecycle/versions", "{\"name\": 5}")).AssertProblem(HttpStatusCode.BadRequest);

        // Version 2 drops "depart": engineers go straight from accepted to on site.
        var v2 = v1.DeepClone().AsObject();
        v2["version"] = 2;
        var transitions = v2["transitions"]!.AsArray();
        transitions.Remove(transitions.First(t => t!["event"]!.GetValue<string>() == "depart"));
        var states = v2["states"]!.AsObject();
        var unreachable = (await admin.PostAsync("/api/lifecycle/versions", v2)).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("states.EnRoute", unreachable.ErrorFields);
        Assert.Contains("states.EnRoute", (await admin.PostAsync("/api/lifecycle/versions/check", v2)).AssertProblem(HttpStatusCode.BadRequest).ErrorFields);
        states.Remove("EnRoute");
        foreach (var t in transitions) t!["from"] = new JsonArray([.. t["from"]!.AsArray().Select(f => f!.GetValue<string>()).Where(f => f != "EnRoute").Select(f => JsonValue.Create(f))]);
        // A check says it is fine and publishes nothing.
        (await admin.PostAsync("/api/lifecycle/versions/check", v2)).AssertStatus(HttpStatusCode.OK);
        Assert.Single((await admin.GetAsync("/api/lifecycle/versions")).Json!.AsArray());
        (await admin.PostAsync("/api/lifecycle/versions", v2)).AssertStatus(HttpStatusCode.Created);
        Assert.Contains("version", (await admin.PostAsync("/api/lifecycle/versions/check", v2)).AssertProblem(HttpStatusCode.BadRequest).ErrorFields);
        (await admin.PostAsync("/api/lifecycle/versions", v2)).AssertProblem(HttpStatusCode.BadRequest);

        var fresh = await OpenAsync(s);
        var (engineer, engineerId) = await EngineerAsync(admin, app.Api());
        foreach (var id in new[] { old, fresh })
        {
            (await ActAsync(admin, id, "assign", new { engineerId })).AssertStatus(HttpStatusCode.OK);
            (await ActAsync(engineer, id, "accept")).AssertStatus(HttpStatusCode.OK);
        }
        Assert.Equal(1, (await admin.GetAsync($"/api/tickets/{old}")).Json!["lifecycleVersion"]!.GetValue<int>());
        Assert.Equal(2, (await admin.GetAsync($"/api/tickets/{fresh}")).Json!["lifecycleVersion"]!.GetValue<int>());
        (await ActAsync(engineer, old, "depart")).AssertStatus(HttpStatusCode.OK);
        var refusedDepart = (await ActAsync(engineer, fresh, "depart")).AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("arrive", refusedDepart.Json!["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));

        var (customer, _) = await app.Api().AsPhoneAsync(s.Customer["phone"]!.GetValue<string>());
        (await customer.GetAsync("/api/lifecycle/versions")).AssertProblem(HttpStatusCode.Forbidden);
    }
}
