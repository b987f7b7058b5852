namespace ServerlessService.Core.Links;

/// <summary>Job links by code, and which links a ticket's engineer was sent.</summary>
public interface IEngineerLinkStore
{
    /// <summary>Stores a new link; when its code is stored already (a retried send) returns the stored link instead.</summary>
    Task<EngineerLink> AddOrGetAsync(EngineerLink link, CancellationToken ct);
    Task<EngineerLink?> GetIfExistsAsync(string code, CancellationToken ct);
    /// <summary>Every stored link of the ticket sent to this engineer.</summary>
    Task<IReadOnlyList<EngineerLink>> ListAsync(string ticketId, string engineerId, CancellationToken ct);
    /// <summary>Replaces a stored link, whoever wrote it last.</summary>
    Task ReplaceAsync(EngineerLink link, CancellationToken ct);
}
