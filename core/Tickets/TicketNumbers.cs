using Azure;
using Azure.Data.Tables;
using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Tickets;

public interface ITicketNumbers
{
    /// <summary>Next short ticket number for the business day, e.g. 261124-0007.</summary>
    Task<string> NextAsync(CancellationToken ct);
}

/// <summary>A counter row per business day, advanced with ETag optimistic concurrency.</summary>
public sealed class TableTicketNumbers(StorageAccount account, BusinessClock clock) : ITicketNumbers
{
    private readonly TableClient _counters = account.Table(TableNames.Counters);

    public async Task<string> NextAsync(CancellationToken ct)
    {
        var day = clock.Today.ToString("yyMMdd");
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var row = await _counters.GetIfExistsAsync("ticket-number", day, ct);
            if (row is null)
            {
                if (await _counters.TryAddAsync(new TableEntity("ticket-number", day) { ["Value"] = 1L }, ct)) return Format(day, 1);
                continue;
            }
            var next = row.GetInt64("Value")!.Value + 1;
            row["Value"] = next;
            try
            {
                await _counters.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                return Format(day, next);
            }
            catch (RequestFailedException e) when (e.Status == 412) { await Task.Delay(Random.Shared.Next(5, 40), ct); }
        }
        throw new ConflictException("Too many tickets at once.", "Could not allocate a ticket number; retry the request.");
    }

    private static string Format(string day, long n) => $"{day}-{n:D4}";
}
