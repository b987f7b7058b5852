using ServerlessService.Core.Common;

namespace ServerlessService.Core.Engineers;

public interface IEngineerStore
{
    Task<Stored<Engineer>?> GetIfExistsAsync(string id, CancellationToken ct);
    Task<string?> FindIdByPhoneAsync(string e164, CancellationToken ct);
    Task<bool> TryAddAsync(Engineer engineer, CancellationToken ct);
    Task<bool> TryUpdateAsync(Engineer previous, Engineer updated, string ifMatch, CancellationToken ct);
    Task<Paged<Engineer>> ListAsync(string? namePrefix, PageRequest page, CancellationToken ct);
}
