using System.Text;
using Azure;
using Azure.Data.Tables;
using ServerlessService.Core.Common;

namespace ServerlessService.Core.Storage;

/// <summary>Reads one page of a partition query; the service's continuation token is wrapped so clients treat it as opaque.</summary>
public static class TablePaging
{
    public static async Task<Paged<T>> ReadPageAsync<T>(
        TableClient table, string filter, PageRequest page, Func<TableEntity, T> map, CancellationToken ct)
    {
        var token = Unwrap(page.ContinuationToken);
        try
        {
            await foreach (var p in table.QueryAsync<TableEntity>(filter, page.Size, cancellationToken: ct).AsPages(token, page.Size))
                return new Paged<T>(p.Values.Select(map).ToList(), Wrap(p.ContinuationToken));
        }
        catch (RequestFailedException e) when (e.Status == 400 && token is not null)
        {
            throw ValidationFailedException.For("continuationToken", "is not a token this API handed out.");
        }
        return new Paged<T>([], null);
    }

    private static string? Wrap(string? token) =>
        token is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Unwrap(string? wrapped)
    {
        if (wrapped is null) return null;
        try
        {
            var b64 = wrapped.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            var raw = Encoding.UTF8.GetString(Convert.FromBase64String(b64));
            if (raw.Length == 0 || raw.Any(char.IsControl)) throw new FormatException();
            return raw;
        }
        catch (FormatException)
        {
            throw ValidationFailedException.For("continuationToken", "is not a token this API handed out.");
        }
    }
}
