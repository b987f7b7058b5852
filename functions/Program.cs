using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServerlessService.Api.Hosting;
using ServerlessService.Core.Storage;
using ServerlessService.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
ApiApp.MapEnvironment(builder.Configuration);
builder.Services.AddApi(builder.Configuration);
// One serializer configuration for both hosts: payloads in the task hub look the same as the local host's.
builder.Services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(JsonRows.Json));
builder.Services.AddSingleton<ApiPipeline>();
builder.Services.AddSingleton<StartupGate>();
builder.UseMiddleware(async (context, next) =>
{
    await context.InstanceServices.GetRequiredService<StartupGate>().PrepareAsync(context.CancellationToken);
    await next();
});
builder.Build().Run();
