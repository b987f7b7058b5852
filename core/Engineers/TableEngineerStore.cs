using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Engineers;

public sealed class TableEngineerStore(StorageAccount account) : IEngineerStore
{
    private readonly PeopleTable<Engineer> _people =
        new(account.Table(TableNames.Engineers), "engineer", "The engineer", e => e.Id, e => e.Name, e => e.Phone);

    public Task<Stored<Engineer>?> GetIfExistsAsync(string id, CancellationToken ct) => _people.GetIfExistsAsync(id, ct);
    public Task<string?> FindIdByPhoneAsync(string e164, CancellationToken ct) => _people.FindIdByPhoneAsync(e164, ct);
    public Task<bool> TryAddAsync(Engineer engineer, CancellationToken ct) => _people.TryAddAsync(engineer, ct);
    public Task<bool> TryUpdateAsync(Engineer previous, Engineer updated, string ifMatch, CancellationToken ct) => _people.TryUpdateAsync(previous, updated, ifMatch, ct);
    public Task<Paged<Engineer>> ListAsync(string? namePrefix, PageRequest page, CancellationToken ct) => _people.ListAsync(namePrefix, page, ct);
}
