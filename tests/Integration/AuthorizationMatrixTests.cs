using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using static ServerlessService.IntegrationTests.AuthorizationMatrix;
using static ServerlessService.IntegrationTests.Lifecycle;

namespace ServerlessService.IntegrationTests;

/// <summary>
/// Every endpoint of the OpenAPI document, called as every kind of caller, compared with the one expected list in
/// <see cref="AuthorizationMatrix"/>. Bodies are empty, so an allowed call stops at validation (400) or the ticket's
/// status (409) and the data stay as they are; a denied one must answer 401, 403 or 404 whatever the body.
/// </summary>
public sealed partial class AuthorizationMatrixTests(LifecycleAppFixture app) : IClassFixture<LifecycleAppFixture>
{
    [Fact]
    public async Task EveryEndpointAnswersEveryKindOfCallerAsTheTableSays()
    {
        var (callers, data) = await SetUpAsync();
        var rows = Rows(data);
        await AssertRowsCoverTheApiAsync(callers[Who.Admin], rows);

        var unexpected = new List<string>();
        foreach (var row in rows)
            foreach (var (who, api) in callers)
            {
                var status = await CallAsync(api, row);
                var allowed = !(status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || status == HttpStatusCode.NotFound && !row.MissingIsAllowed);
                if ((int)status >= 500) unexpected.Add($"{row.Method} {row.Path} as {who}: server error {(int)status}");
                else if (allowed != row.Allowed.Contains(who))
                    unexpected.Add($"{row.Method} {row.Path} as {who}: {(allowed ? "ALLOWED" : "denied")} ({(int)status}), expected {(allowed ? "denied" : "allowed")}");
            }
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} unexpected answers:\n" + string.Join("\n", unexpected));
    }

    /// <summary>The table lists exactly the endpoints the OpenAPI document has, and an action row for every action callers may raise.</summary>
    private static async Task AssertRowsCoverTheApiAsync(Api admin, IReadOnlyList<Row> rows)
    {
        var doc = (await admin.GetAsync("/api/openapi.json")).AssertStatus(HttpStatusCode.OK).Json!;
        var documented = doc["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key.ToUpperInvariant()} {p.Key}"))
            .Where(e => !e.StartsWith("PARAMETERS", StringComparison.Ordinal)).ToHashSet();
        var listed = rows.Select(r => $"{r.Method} {r.Template}").ToHashSet();
        Assert.Empty(documented.Except(listed));
        Assert.Empty(listed.Except(documented));

        var definition = (await admin.GetAsync("/api/lifecycle/versions/1")).AssertStatus(HttpStatusCode.OK).Json!;
        var raisedByCallers = definition["transitions"]!.AsArray()
            .Where(t => t!["by"]!.AsArray().Any(b => (string)b! is not ("system" or "timer")))
            .Select(t => (string)t!["event"]!).ToHashSet();
        Assert.Equal(raisedByCallers.Order(), Actions.Keys.Order());
    }

    private static async Task<HttpStatusCode> CallAsync(Api api, Row row)
    {
        var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Path);
        if (row.Body == RowBody.PhotoForm)
            request.Content = new MultipartFormDataContent { { new StringContent("before"), "kind" } };
        else if (row.Body == RowBody.EmptyJson && row.Method is "POST" or "PUT")
            request.Content = JsonContent.Create(new { });
        return (await api.SendAsync(request)).Status;
    }

    /// <summary>
    /// Customer A with a device and two tickets assigned to Engineer: the first taken to Closed (its job link's token
    /// kept), the second left Assigned (its link code is the one exchanged); customer B and another engineer with
    /// nothing; one account per staff role; a rule, a calendar and an SLA policy.
    /// </summary>
    private async Task<(Dictionary<Who, Api> Callers, Data Data)> SetUpAsync()
    {
        var anonymous = app.Api();
        var admin = await anonymous.AsStaffAsync();
        var s = await SetupAsync(admin);
        var policy = await PolicyAsync(admin, s.ProductLine, "04:00:00", "08:00:00", "24:00:00");
        var customerB = await Archive.CustomerAsync(admin);
        await Archive.DeviceAsync(admin, customerB["id"]!.GetValue<string>());
        var engineerPhone = Archive.NewPhone();
        var engineerId = (await Archive.EngineerAsync(admin, engineerPhone))["id"]!.GetValue<string>();
        var engineer = (await anonymous.AsPhoneAsync(engineerPhone, "engineer")).Api;
        var (otherEngineer, _) = await EngineerAsync(admin, anonymous);

        var closed = await OpenAsync(s);
        var number = (await admin.GetAsync($"/api/tickets/{closed}")).Str("number");
        (await ActAsync(admin, closed, "assign", new { engineerId })).AssertStatus(HttpStatusCode.OK);
        var jobLink = anonymous.As((await anonymous.PostAsync($"/api/engineer-links/{await LinkCodeAsync(admin, engineerPhone, number)}", new { }))
            .AssertStatus(HttpStatusCode.OK).Str("token"));
        var actionId = "matrix-" + Guid.NewGuid().ToString("N");
        (await ActAsync(engineer, closed, "accept", idempotencyKey: actionId)).AssertStatus(HttpStatusCode.OK);
        (await ActAsync(engineer, closed, "arrive", new { lat = 31.19, lng = 121.43 })).AssertStatus(HttpStatusCode.OK);
        (await ActAsync(engineer, closed, "resolve", new { cause = "阀片磨损", solution = "更换阀片", laborMinutes = 30 })).AssertStatus(HttpStatusCode.OK);
        await EventuallyAsync(async () => (await admin.GetAsync($"/api/tickets/{closed}")).Str("status"), st => st == "Closed");

        var open = await OpenAsync(s);
        var openNumber = (await admin.GetAsync($"/api/tickets/{open}")).Str("number");
        (await ActAsync(admin, open, "assign", new { engineerId })).AssertStatus(HttpStatusCode.OK);
        var linkCode = await LinkCodeAsync(admin, engineerPhone, openNumber);

        var rule = (await admin.PostAsync("/api/rules", new { name = "矩阵测试", when = new { productLines = new[] { s.ProductLine } }, then = new { setPriority = "P3" } }))
            .AssertStatus(HttpStatusCode.Created).Str("id");
        var calendar = (await admin.PostAsync("/api/calendars", new { name = "矩阵测试", timeZone = "Asia/Shanghai", week = new { mon = new[] { "09:00-18:00" } } }))
            .AssertStatus(HttpStatusCode.Created).Str("id");

        var callers = new Dictionary<Who, Api>
        {
            [Who.Anonymous] = anonymous,
            [Who.CustomerA] = await CustomerApiAsync(s, anonymous),
            [Who.CustomerB] = (await anonymous.AsPhoneAsync(customerB["phone"]!.GetValue<string>())).Api,
            [Who.Engineer] = engineer,
            [Who.OtherEngineer] = otherEngineer,
            [Who.JobLink] = jobLink,
            [Who.Warehouse] = await StaffAsync(admin, anonymous, "warehouse"),
            [Who.Manager] = await StaffAsync(admin, anonymous, "manager"),
            [Who.Dispatcher] = await StaffAsync(admin, anonymous, "dispatcher"),
            [Who.Admin] = admin,
        };
        var data = new Data(s.Customer["id"]!.GetValue<string>(), s.Device["serialNumber"]!.GetValue<string>(), engineerId, closed, actionId, linkCode,
            rule, calendar, policy["id"]!.GetValue<string>());
        return (callers, data);
    }

    private static async Task<Api> StaffAsync(Api admin, Api anonymous, string role)
    {
        var user = role[..3] + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsync("/api/staff", new { username = user, displayName = role, role, password = "matrix-pass-1" })).AssertStatus(HttpStatusCode.Created);
        return await anonymous.AsStaffAsync(user, "matrix-pass-1");
    }

    private static async Task<string> LinkCodeAsync(Api admin, string phone, string ticketNumber)
    {
        var inbox = await EventuallyAsync(
            async () => (await admin.GetAsync("/api/dev/sms?max=100&to=" + Uri.EscapeDataString(phone))).Json!.AsArray().Select(m => (string)m!["body"]!).ToList(),
            m => m.Any(b => b.Contains(ticketNumber)));
        return LinkCode().Match(inbox.First(b => b.Contains(ticketNumber))).Groups[1].Value;
    }

    [GeneratedRegex(@"/e/([A-Za-z0-9_-]+)")]
    private static partial Regex LinkCode();
}
