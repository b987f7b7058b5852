using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ServerlessService.Testing;

/// <summary>A real Azurite (from the repository's node_modules) on free loopback ports, with its data in a temp folder.</summary>
public sealed class Azurite : IAsyncDisposable
{
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly string _location;

    private Azurite(Process process, string location, int blob, int queue, int table)
    {
        _process = process;
        _location = location;
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey +
            $";BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public static async Task<Azurite> StartAsync()
    {
        var exe = Path.Combine(RepoRoot(), "node_modules", ".bin", "azurite");
        if (!File.Exists(exe)) throw new InvalidOperationException($"{exe} not found: run 'npm ci' in the repository root (test.sh does).");
        var location = Directory.CreateTempSubdirectory("azurite-").FullName;
        for (var attempt = 0; ; attempt++)
        {
            int blob = FreePort(), queue = FreePort(), table = FreePort();
            var psi = new ProcessStartInfo(exe)
            {
                ArgumentList = { "--silent", "--skipApiVersionCheck", "--location", location,
                    "--blobPort", blob.ToString(), "--queuePort", queue.ToString(), "--tablePort", table.ToString() },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var process = Process.Start(psi)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (await WaitForPortsAsync(process, [blob, queue, table])) return new Azurite(process, location, blob, queue, table);
            process.Kill(entireProcessTree: true);
            if (attempt == 2) throw new InvalidOperationException("Azurite did not start listening.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_location, recursive: true); } catch (IOException) { }
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ServerlessService.sln"))) return dir.FullName;
        throw new InvalidOperationException("Repository root (ServerlessService.sln) not found above " + AppContext.BaseDirectory);
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static async Task<bool> WaitForPortsAsync(Process process, int[] ports)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            var open = 0;
            foreach (var port in ports)
            {
                using var c = new TcpClient();
                try { await c.ConnectAsync(IPAddress.Loopback, port); open++; } catch (SocketException) { }
            }
            if (open == ports.Length) return true;
            await Task.Delay(200);
        }
        return false;
    }
}
