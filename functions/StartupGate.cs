using ServerlessService.Api.Hosting;

namespace ServerlessService.Functions;

/// <summary>
/// Runs the app's startup tasks once per worker process, before the first function: storage objects, definitions
/// and the signing key before anything; demo data once the HTTP function has the engine's client. A failed attempt
/// is tried again on the next invocation.
/// </summary>
public sealed class StartupGate(StartupTasks tasks)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _prepared;
    private volatile bool _withEngine;

    public async Task PrepareAsync(CancellationToken ct)
    {
        if (_prepared) return;
        await _lock.WaitAsync(ct);
        try
        {
            if (!_prepared) await tasks.PrepareAsync(ct);
            _prepared = true;
        }
        finally { _lock.Release(); }
    }

    public async Task WithEngineAsync(CancellationToken ct)
    {
        if (_withEngine) return;
        await _lock.WaitAsync(ct);
        try
        {
            if (!_withEngine) await tasks.WithEngineAsync(ct);
            _withEngine = true;
        }
        finally { _lock.Release(); }
    }
}
