namespace ServerlessService.Api.Hosting;

/// <summary>
/// The API's middleware and route table (<see cref="ApiApp.UseApi"/>, the same the local host runs) built once on
/// the given services, for a host that owns the HTTP server itself (the Azure Functions worker) to run each
/// request through from one catch-all function.
/// </summary>
public sealed class ApiPipeline(IServiceProvider services)
{
    private readonly Lazy<RequestDelegate> _pipeline = new(() =>
    {
        var app = new ApplicationBuilder(services);
        app.UseApi();
        return app.Build();
    });

    public Task HandleAsync(HttpContext http)
    {
        // The host routed the request to its catch-all function; the API's own routing matches it again.
        http.SetEndpoint(null);
        http.Request.RouteValues.Clear();
        return _pipeline.Value(http);
    }
}
