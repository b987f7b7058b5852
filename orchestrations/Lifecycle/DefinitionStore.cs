using System.Collections.Concurrent;
using System.Reflection;
using Azure.Data.Tables;
using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;

namespace ServerlessService.Orchestrations.Lifecycle;

public sealed record DefinitionInfo(string Name, int Version, DateTimeOffset PublishedAt, string PublishedBy);

/// <summary>
/// Published lifecycle versions, one row each in the Definitions table. Versions never change once published, so
/// every version read is cached for good; new tickets start on the latest.
/// </summary>
public sealed class DefinitionStore(StorageAccount account, TimeProvider clock)
{
    public const string Name = "ticket";
    private readonly TableClient _table = account.Table(TableNames.Definitions);
    private readonly ConcurrentDictionary<int, LifecycleDefinition> _versions = new();
    private (int Version, DateTimeOffset CheckedAt) _latest = (0, DateTimeOffset.MinValue);

    /// <summary>The definition shipped with the code (version 1), published at startup when absent.</summary>
    public static LifecycleDefinition BuiltIn { get; } = LoadBuiltIn();

    public async Task EnsurePublishedAsync(CancellationToken ct)
    {
        await _table.CreateIfNotExistsAsync(ct);
        await _table.TryAddAsync(Row(BuiltIn, "system"), ct);
    }

    public async Task<LifecycleDefinition> GetAsync(int version, CancellationToken ct)
    {
        if (_versions.TryGetValue(version, out var d)) return d;
        var e = await _table.GetIfExistsAsync(Name, Key(version), ct) ?? throw new NotFoundException("Lifecycle version", version.ToString());
        return _versions[version] = LifecycleDefinition.Parse(e.GetString("Definition"));
    }

    public async Task<LifecycleDefinition> LatestAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now - _latest.CheckedAt > TimeSpan.FromSeconds(30))
        {
            var versions = await ListAsync(ct);
            _latest = (versions.Count == 0 ? BuiltIn.Version : versions.Max(v => v.Version), now);
        }
        return await GetAsync(_latest.Version, ct);
    }

    public async Task<IReadOnlyList<DefinitionInfo>> ListAsync(CancellationToken ct)
    {
        var list = new List<DefinitionInfo>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Name}"), cancellationToken: ct))
            list.Add(new DefinitionInfo(Name, int.Parse(e.RowKey), e.GetDateTimeOffset("PublishedAt") ?? default, e.GetString("PublishedBy")));
        return list;
    }

    /// <summary>Publishes a validated definition; its version must be the next one.</summary>
    public async Task PublishAsync(LifecycleDefinition d, string by, CancellationToken ct)
    {
        await CheckNextAsync(d, ct);
        if (!await _table.TryAddAsync(Row(d, by), ct)) throw new ConflictException("Version taken.", $"Version {d.Version} was published meanwhile; publish {d.Version + 1}.");
        _versions[d.Version] = d;
        _latest = (d.Version, clock.GetUtcNow());
    }

    /// <summary>A valid definition may be published only as the next version.</summary>
    public async Task CheckNextAsync(LifecycleDefinition d, CancellationToken ct)
    {
        var latest = (await ListAsync(ct)).Select(v => v.Version).DefaultIfEmpty(0).Max();
        if (d.Version != latest + 1) throw ValidationFailedException.For("version", $"must be {latest + 1}, the next version after {latest}.");
    }

    private TableEntity Row(LifecycleDefinition d, string by) => new(Name, Key(d.Version))
    {
        ["Definition"] = d.ToJson(),
        ["PublishedAt"] = clock.GetUtcNow(),
        ["PublishedBy"] = by,
    };

    private static string Key(int version) => version.ToString("D6");

    private static LifecycleDefinition LoadBuiltIn()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("lifecycle/ticket.v1.json")
            ?? throw new InvalidOperationException("The built-in lifecycle definition is not embedded.");
        using var reader = new StreamReader(stream);
        var d = LifecycleDefinition.Parse(reader.ReadToEnd());
        DefinitionValidator.Validate(d, LifecycleOptions.Names);
        return d;
    }
}
