using System.Net;
using System.Text.Json.Nodes;

namespace ServerlessService.IntegrationTests;

public sealed class ApiSurfaceBasicsTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>The portal's API types are generated from a copy of the OpenAPI document; the copy must be the live one.</summary>
    [Fact]
    public async Task ThePortalsCopyOfTheOpenApiDocumentIsCurrent()
    {
        var live = (await app.Api().GetAsync("/api/openapi.json")).AssertStatus(HttpStatusCode.OK).Json!;
        live.AsObject().Remove("servers"); // the address of whichever app answered, not part of the API
        var path = Path.Combine(ServerlessService.Testing.Azurite.RepoRoot(), "static-web", "src", "api", "openapi.json");
        var copy = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(live, copy),
            "static-web/src/api/openapi.json is out of date: run ./scripts/update-api-types.sh and commit the result.");
    }

    [Fact]
    public async Task HealthReportsStorageReachable()
    {
        var health = (await app.Api().GetAsync("/api/health")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Healthy", health.Str("status"));
        Assert.All(health.Json!["storage"]!.AsObject(), kv => Assert.Equal("reachable", kv.Value!.ToString()));
    }

    [Fact]
    public async Task OpenApiDocumentDescribesThePublicEndpointsAndTheReferencePageLoads()
    {
        var doc = (await app.Api().GetAsync("/api/openapi.json")).AssertStatus(HttpStatusCode.OK).Json!;
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/tickets", paths);
        Assert.Contains("/api/customers/{id}", paths);
        Assert.Contains("/api/tickets/{id}/photos", paths);
        var docs = await app.App.Client().GetAsync("/api/docs/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("openapi.json", await docs.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Generated clients name their calls after operationIds: every operation has one, unique and readable.</summary>
    [Fact]
    public async Task EveryOperationHasAUniqueCamelCaseOperationIdNamedAfterItsHandler()
    {
        var doc = (await app.Api().GetAsync("/api/openapi.json")).AssertStatus(HttpStatusCode.OK).Json!;
        string[] methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
        var operations = doc["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => methods.Contains(o.Key)).Select(o => (Where: $"{o.Key.ToUpperInvariant()} {p.Key}", Id: o.Value!["operationId"]?.GetValue<string>())))
            .ToList();

        Assert.True(operations.Count > 50, $"{operations.Count} operations");
        Assert.All(operations, o => Assert.Matches("^[a-z][A-Za-z0-9]*$", o.Id ?? $"(none on {o.Where})"));
        var clashes = operations.GroupBy(o => o.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(o => o.Where))}");
        Assert.Empty(clashes);
        var ids = operations.ToDictionary(o => o.Where, o => o.Id);
        Assert.Equal("listTickets", ids["GET /api/tickets"]);
        Assert.Equal("getTicket", ids["GET /api/tickets/{id}"]);
        Assert.Equal("actOnTicket", ids["POST /api/tickets/{id}/{action}"]);
        Assert.Equal("getTicketTimeline", ids["GET /api/tickets/{id}/timeline"]);
        Assert.Equal("setEngineerOnDuty", ids["PUT /api/engineers/{id}/on-duty"]);
        Assert.Equal("getLifecycleVersion", ids["GET /api/lifecycle/versions/{version}"]);
    }

    [Fact]
    public async Task UnknownRoutesAndMissingTokensAnswerWithProblemDetails()
    {
        var admin = await app.Api().AsStaffAsync();
        (await admin.GetAsync("/api/no-such-thing")).AssertProblem(HttpStatusCode.NotFound);
        (await admin.PostAsync("/api/tickets/tkt-x/nonsense", new { })).AssertProblem(HttpStatusCode.NotFound);
        (await app.Api().GetAsync("/api/tickets")).AssertProblem(HttpStatusCode.Unauthorized);
        (await app.Api().As("not-a-token").GetAsync("/api/tickets")).AssertProblem(HttpStatusCode.Unauthorized);
        (await admin.PostRawAsync("/api/customers", "{}", "text/plain")).AssertProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task ThePortalPlaceholderIsServedAtTheRoot()
    {
        var html = await app.App.Client().GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("售后服务", html);
    }
}
