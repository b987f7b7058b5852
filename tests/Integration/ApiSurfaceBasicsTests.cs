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
