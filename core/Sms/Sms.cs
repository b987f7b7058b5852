using Azure.Data.Tables;
using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Sms;

public sealed record SmsMessage(string Id, string To, string Body, DateTimeOffset SentAt);

/// <summary>Where SMS go. The local channel stores them; the ACS channel (dispatch issue) sends them for real.</summary>
public interface ISmsChannel
{
    string Name { get; }
    /// <summary>Sends one SMS. With an idempotency key, a repeat of the same key sends nothing and returns the first id.</summary>
    Task<string> SendAsync(string toE164, string body, CancellationToken ct, string? idempotencyKey = null);
}

/// <summary>The developer's SMS channel: messages are kept in a table and read back at /api/dev/sms.</summary>
public sealed class LocalSmsChannel(StorageAccount account, TimeProvider clock) : ISmsChannel
{
    private readonly TableClient _table = account.Table(TableNames.Sms);

    public string Name => "local";

    public async Task<string> SendAsync(string toE164, string body, CancellationToken ct, string? idempotencyKey = null)
    {
        var now = clock.GetUtcNow();
        var id = Ids.New("sms");
        var rk = (DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks).ToString("D19") + "|" + id;
        var message = JsonRows.ToEntity(toE164, rk, new SmsMessage(id, toE164, body, now));
        if (idempotencyKey is null)
        {
            await _table.AddEntityAsync(message, ct);
            return id;
        }
        // The key row and the message commit together, so a repeat finds the key and sends nothing.
        var key = new TableEntity(toE164, KeyPrefix + IdempotencyKeys.Fingerprint(idempotencyKey)) { ["MessageId"] = id };
        try
        {
            await _table.SubmitTransactionAsync([new(TableTransactionActionType.Add, key), new(TableTransactionActionType.Add, message)], ct);
            return id;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return (await _table.GetIfExistsAsync(key.PartitionKey, key.RowKey, ct))?.GetString("MessageId") ?? id;
        }
    }

    /// <summary>Key rows sort after message rows (which start with digits), so reads stop before them.</summary>
    private const string KeyPrefix = "k|";

    /// <summary>Messages to one number, newest first.</summary>
    public async Task<IReadOnlyList<SmsMessage>> ReadAsync(string toE164, int max, CancellationToken ct)
    {
        var list = new List<SmsMessage>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {toE164} and RowKey lt {KeyPrefix}"), max, cancellationToken: ct))
        {
            list.Add(JsonRows.FromEntity<SmsMessage>(e));
            if (list.Count >= max) break;
        }
        return list;
    }
}
