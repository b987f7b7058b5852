using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using ServerlessService.Api.Hosting;
using ServerlessService.Orchestrations.Tickets;

namespace ServerlessService.Functions;

/// <summary>
/// The one HTTP trigger: every /api route goes through the API's own pipeline, so no route is declared twice.
/// It hands the Durable client of its binding to the app, which starts and signals ticket orchestrations with it.
/// </summary>
public sealed class HttpApi(ApiPipeline pipeline, EngineClient engine, StartupGate startup)
{
    public const string Name = "Http";
    public const string Route = "api/{*path}";

    [Function(Name)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", Route = Route)] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        engine.Use(client);
        await startup.WithEngineAsync(request.HttpContext.RequestAborted);
        await pipeline.HandleAsync(request.HttpContext);
        // The pipeline has written the response.
        return new EmptyResult();
    }
}
