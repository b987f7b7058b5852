using System.Diagnostics;

namespace ServerlessService.Testing;

/// <summary>
/// The built local host as a separate OS process, the way it runs for real, so a test can kill it with SIGKILL
/// (no shutdown code runs) and start it again on the same storage.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<AppProcess> StartAsync(string connectionString, string prefix, IDictionary<string, string?> settings)
    {
        var port = Azurite.FreePort();
        var start = new ProcessStartInfo("dotnet", [AppDll(), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["STORAGE_CONNECTION_STRING"] = connectionString;
        start.Environment["StorageOptions__Prefix"] = prefix;
        start.Environment["ADMIN_PASSWORD"] = RunningApp.AdminPassword;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in RunningApp.LiftedSignInLimits.Concat(settings)) start.Environment[k.Replace(":", "__")] = v;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app process did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.WriteLine("[app] " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.WriteLine("[app] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await app.WaitHealthyAsync();
        return app;
    }

    public HttpClient Client() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>SIGKILL: the process gets no chance to finish anything in flight.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The app process exited with code {_process.ExitCode}.");
            try
            {
                if ((await http.GetAsync("/api/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("The app process did not become healthy within 60 s.");
    }

    /// <summary>The app built in the same configuration as the tests (test.sh builds the whole solution first).</summary>
    private static string AppDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(Azurite.RepoRoot(), "host", "bin", configuration, "net10.0", "ServerlessService.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first; the app is not at " + dll);
    }
}
