using Azure;
using ServerlessService.Core.Common;

namespace ServerlessService.Core.Storage;

internal static class ETagConflicts
{
    /// <summary>Runs an ETag-guarded write and turns a lost race into a 409 the client can retry.</summary>
    public static async Task GuardAsync(Func<Task> write, string what)
    {
        try { await write(); }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new ConflictException($"{what} was changed by someone else.", "Read it again and repeat your change.");
        }
    }
}
