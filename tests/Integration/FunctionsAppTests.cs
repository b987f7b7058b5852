using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServerlessService.Api.Hosting;
using ServerlessService.Host.Engine;
using ServerlessService.Orchestrations.Tickets;
using ServerlessService.Testing;

namespace ServerlessService.IntegrationTests;

/// <summary>
/// The Azure Functions app is built but cannot run here (no Functions host): these tests keep it from drifting away
/// from the local host, by reading the functions.metadata its build generates, its host.json, and by running the
/// pipeline its catch-all HTTP function runs.
/// </summary>
public sealed class FunctionsAppTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string Output = Path.Combine(Azurite.RepoRoot(), "functions", "bin",
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net10.0");

    private static JsonArray Metadata() => JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "functions.metadata")))!.AsArray();

    private static string? TriggerOf(JsonArray metadata, string function) => metadata
        .FirstOrDefault(f => (string?)f!["name"] == function)?["bindings"]!.AsArray()
        .Select(b => (string?)b!["type"]).FirstOrDefault(t => t is not null && t.EndsWith("Trigger", StringComparison.Ordinal));

    [Fact]
    public void EveryOrchestratorAndActivityTheLocalHostRegistersHasItsFunctionWithTheRightTrigger()
    {
        var metadata = Metadata();
        foreach (var name in TicketTasks.Orchestrators) Assert.Equal("orchestrationTrigger", TriggerOf(metadata, name));
        var activities = TicketTasks.Activities(app.App.Services);
        foreach (var name in activities) Assert.Equal("activityTrigger", TriggerOf(metadata, name));
        // Nothing in the Azure app that the local host would not run.
        var others = metadata.Select(f => (string)f!["name"]!).Except([.. TicketTasks.Orchestrators, .. activities, "Http"]);
        Assert.Empty(others);
    }

    [Fact]
    public void OneCatchAllHttpFunctionTakesEveryApiRouteWithTheDurableClient()
    {
        var http = Metadata().Where(f => f!["bindings"]!.AsArray().Any(b => (string?)b!["type"] == "httpTrigger")).ToList();
        var function = Assert.Single(http)!;
        var bindings = function["bindings"]!.AsArray();
        var trigger = bindings.Single(b => (string?)b!["type"] == "httpTrigger")!;
        Assert.Equal("api/{*path}", (string?)trigger["route"]);
        Assert.Equal("Anonymous", (string?)trigger["authLevel"]); // the API authorizes every request itself
        var methods = trigger["methods"]!.AsArray().Select(m => ((string)m!).ToUpperInvariant()).ToHashSet();
        var used = app.App.Services.GetServices<Microsoft.AspNetCore.Routing.EndpointDataSource>()
            .SelectMany(s => s.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).ToHashSet();
        Assert.NotEmpty(used);
        Assert.Subset(methods, used);
        Assert.Contains(bindings, b => (string?)b!["type"] == "durableClient");
    }

    [Fact]
    public void HostJsonCarriesTheEngineSettingsOfTheLocalHostAndNoCustomHandler()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "host.json")))!;
        Assert.Null(host["customHandler"]);
        Assert.Equal("", (string?)host["extensions"]!["http"]!["routePrefix"]);
        var durable = host["extensions"]!["durableTask"]!;
        var local = new EngineOptions();
        Assert.Equal(local.ExtendedSessions, (bool?)durable["extendedSessionsEnabled"]);
        var storage = durable["storageProvider"]!;
        Assert.Equal(local.PartitionCount, (int?)storage["partitionCount"]);
        Assert.Equal(local.MaxQueuePollingInterval, TimeSpan.Parse((string)storage["maxQueuePollingInterval"]!));
        Assert.Equal(local.VisibilityTimeout, TimeSpan.Parse((string)storage["controlQueueVisibilityTimeout"]!));
        Assert.Equal(local.VisibilityTimeout, TimeSpan.Parse((string)storage["workItemQueueVisibilityTimeout"]!));
        Assert.True((bool?)storage["throwExceptionOnInvalidDedupeStatus"]);
        Assert.True(File.Exists(Path.Combine(Output, "worker.config.json")));
        Assert.True(File.Exists(Path.Combine(Output, "extensions.json")));
    }

    /// <summary>What the catch-all function does with a request: the API pipeline on a plain application builder.</summary>
    [Fact]
    public async Task TheCatchAllPipelineServesTheApiWithItsAuthorization()
    {
        var pipeline = new ApiPipeline(app.App.Services);
        var health = await SendAsync(pipeline, "GET", "/api/health");
        Assert.Equal(200, health.Status);
        Assert.Equal("Healthy", (string?)JsonNode.Parse(health.Body)!["status"]);

        var anonymous = await SendAsync(pipeline, "GET", "/api/ops/instances");
        Assert.Equal(401, anonymous.Status);

        var admin = await app.Api().AsStaffAsync();
        var token = admin.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        var instances = await SendAsync(pipeline, "GET", "/api/ops/instances", token);
        Assert.Equal(200, instances.Status);
        Assert.IsType<JsonArray>(JsonNode.Parse(instances.Body)!["items"]);

        var missing = await SendAsync(pipeline, "GET", "/api/tickets/tkt-no-such-ticket", token);
        Assert.Equal(404, missing.Status);
        Assert.StartsWith("application/problem+json", missing.ContentType);
    }

    private async Task<(int Status, string? ContentType, string Body)> SendAsync(ApiPipeline pipeline, string method, string path, string? token = null)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = method;
        http.Request.Path = path;
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("localhost");
        http.Connection.RemoteIpAddress = IPAddress.Loopback;
        if (token is not null) http.Request.Headers.Authorization = "Bearer " + token;
        var body = new MemoryStream();
        http.Response.Body = body;
        await pipeline.HandleAsync(http);
        return (http.Response.StatusCode, http.Response.ContentType, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}
