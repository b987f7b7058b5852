using ServerlessService.Core.Common;

namespace ServerlessService.Core.Customers;


public interface ICustomerStore
{
    Task<Stored<Customer>?> GetIfExistsAsync(string id, CancellationToken ct);
    Task<string?> FindIdByPhoneAsync(string e164, CancellationToken ct);
    /// <summary>Adds the customer; false when the phone already belongs to another customer.</summary>
    Task<bool> TryAddAsync(Customer customer, CancellationToken ct);
    /// <summary>Replaces the customer; false when the new phone belongs to another customer.</summary>
    Task<bool> TryUpdateAsync(Customer previous, Customer updated, string ifMatch, CancellationToken ct);
    Task<Paged<Customer>> ListAsync(string? namePrefix, PageRequest page, CancellationToken ct);
}
