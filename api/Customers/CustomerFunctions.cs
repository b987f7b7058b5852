using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessService.Core.Common;
using ServerlessService.Core.Customers;
using ServerlessService.Api.Hosting;

namespace ServerlessService.Api.Customers;

/// <summary>Customer records. Create and search: staff (create: dispatcher, admin). Read and update: staff or the customer themself.</summary>
public static class CustomerFunctions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/customers").WithTags("Customers");
        g.MapPost("/", Create).RequirePermission(Permission.EditArchive);
        g.MapGet("/", Search).RequirePermission(Permission.ReadAll);
        g.MapGet("/{id}", Get);
        g.MapPut("/{id}", Update);
    }

    private static async Task<Created<Customer>> Create(CustomerInput body, Caller caller, CustomerService customers, CancellationToken ct)
    {
        var c = await customers.CreateAsync(caller, body, ct);
        return TypedResults.Created($"/api/customers/{c.Id}", c);
    }

    private static async Task<Ok<Paged<Customer>>> Search(
        string? phone, string? name, string? pageSize, string? continuationToken, Caller caller, CustomerService customers, CancellationToken ct) =>
        TypedResults.Ok(await customers.SearchAsync(caller, phone, name, PageRequest.From(pageSize, continuationToken), ct));

    private static async Task<Ok<CustomerProfile>> Get(string id, Caller caller, ArchiveViews views, CancellationToken ct) =>
        TypedResults.Ok(await views.CustomerAsync(caller, id, ct));

    private static async Task<Ok<Customer>> Update(string id, CustomerInput body, Caller caller, CustomerService customers, CancellationToken ct) =>
        TypedResults.Ok(await customers.UpdateAsync(caller, id, body, ct));
}
