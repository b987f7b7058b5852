using Azure.Data.Tables;
using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Sms;

public sealed record SmsMessage(string Id, string To, string Body, DateTimeOffset SentAt);

/// <summary>Where SMS go. The local channel stores them; the ACS channel (dispatch issue) sends them for real.</summary>
public interface ISmsChannel
{
    string Name { get; }
    Task<string> SendAsync(string toE164, string body, CancellationToken ct);
}

/// <summary>The developer's SMS channel: messages are kept in a table and read back at /api/dev/sms.</summary>
public sealed class LocalSmsChannel(StorageAccount account, TimeProvider clock) : ISmsChannel
{
    private readonly TableClient _table = account.Table("Sms");

    public string Name => "local";

    public async Task<string> SendAsync(string toE164, string body, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var id = Ids.New("sms");
        var rk = (DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks).ToString("D19") + "|" + id;
        await _table.AddEntityAsync(JsonRows.ToEntity(toE164, rk, new SmsMessage(id, toE164, body, now)), ct);
        return id;
    }

    /// <summary>Messages to one number, newest first.</summary>
    public async Task<IReadOnlyList<SmsMessage>> ReadAsync(string toE164, int max, CancellationToken ct)
    {
        var list = new List<SmsMessage>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {toE164}"), max, cancellationToken: ct))
        {
            list.Add(JsonRows.FromEntity<SmsMessage>(e));
            if (list.Count >= max) break;
        }
        return list;
    }
}
