namespace ServerlessService.Core.Notifications;

/// <summary>The template texts admins changed, by event and language; a missing one means the built-in text.</summary>
public interface ITemplateStore
{
    Task<string?> GetTextAsync(string ev, string language, CancellationToken ct);
    Task<IReadOnlyDictionary<(string Event, string Language), string>> ListAsync(CancellationToken ct);
    Task SaveAsync(string ev, string language, string text, CancellationToken ct);
    Task DeleteIfExistsAsync(string ev, string language, CancellationToken ct);
}
