using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Customers;

public sealed class TableCustomerStore(StorageAccount account) : ICustomerStore
{
    private readonly PeopleTable<Customer> _people =
        new(account.Table(TableNames.Customers), "customer", "The customer", c => c.Id, c => c.Name, c => c.Phone);

    public Task<Stored<Customer>?> GetIfExistsAsync(string id, CancellationToken ct) => _people.GetIfExistsAsync(id, ct);
    public Task<string?> FindIdByPhoneAsync(string e164, CancellationToken ct) => _people.FindIdByPhoneAsync(e164, ct);
    public Task<bool> TryAddAsync(Customer customer, CancellationToken ct) => _people.TryAddAsync(customer, ct);
    public Task<bool> TryUpdateAsync(Customer previous, Customer updated, string ifMatch, CancellationToken ct) => _people.TryUpdateAsync(previous, updated, ifMatch, ct);
    public Task<Paged<Customer>> ListAsync(string? namePrefix, PageRequest page, CancellationToken ct) => _people.ListAsync(namePrefix, page, ct);
}
