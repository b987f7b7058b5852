using System.Collections.Concurrent;

namespace ServerlessService.Orchestrations.Runtime;

/// <summary>
/// The last committed state of recently stepped instances, so the next step can skip its read (like Durable
/// Functions' extended sessions). Only a hint: the ETag still guards the commit, and a step that would refuse or
/// do nothing on a cached state is decided again on a fresh read.
/// </summary>
public sealed class InstanceCache
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, object> _entries = new(StringComparer.Ordinal);

    public bool TryGet<T>(string id, out Instance<T> instance)
    {
        if (_entries.TryGetValue(id, out var o) && o is Instance<T> i)
        {
            instance = i;
            return true;
        }
        instance = null!;
        return false;
    }

    public void Set<T>(Instance<T> instance)
    {
        if (instance.ETag == default) return;
        // Crude bound: forget everything when full; the cost is one read per instance afterwards.
        if (_entries.Count >= Capacity) _entries.Clear();
        _entries[instance.Id] = instance;
    }

    public void Forget(string id) => _entries.TryRemove(id, out _);
}
