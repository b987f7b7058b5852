using ServerlessService.Core.Common;

namespace ServerlessService.Core.Dispatch;

/// <summary>Dispatch rules as stored; replace and delete are guarded by the version read (a lost race is a 409).</summary>
public interface IRuleStore
{
    Task AddAsync(DispatchRule rule, CancellationToken ct);
    Task<Stored<DispatchRule>?> GetIfExistsAsync(string id, CancellationToken ct);
    Task<IReadOnlyList<DispatchRule>> ListAsync(CancellationToken ct);
    Task ReplaceAsync(DispatchRule rule, string ifMatch, CancellationToken ct);
    Task DeleteAsync(string id, string ifMatch, CancellationToken ct);
}
