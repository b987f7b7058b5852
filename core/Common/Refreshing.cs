namespace ServerlessService.Core.Common;

/// <summary>A value read from storage and reused for a short while; an edit on this instance invalidates it at once.</summary>
public sealed class Refreshing<T>(TimeSpan lifetime, TimeProvider clock)
{
    private (T Value, DateTimeOffset LoadedAt)? _current;

    public async Task<T> GetAsync(Func<Task<T>> load, bool fresh = false)
    {
        if (!fresh && _current is { } c && clock.GetUtcNow() - c.LoadedAt < lifetime) return c.Value;
        var value = await load();
        _current = (value, clock.GetUtcNow());
        return value;
    }

    public void Invalidate() => _current = null;
}
