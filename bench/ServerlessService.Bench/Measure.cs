using System.Diagnostics;

namespace ServerlessService.Bench;

public sealed record Result(string Name, int Count, double Seconds, double P50Ms, double P99Ms)
{
    public double PerSecond => Count / Seconds;
    public string WithClients(int clients) => $"| {Name,-34} | {clients,8} | {Count,6} | {PerSecond,9:F1} | {P50Ms,8:F2} | {P99Ms,8:F2} |";
    public override string ToString() => $"| {Name,-34} | {Count,6} | {PerSecond,9:F1} | {P50Ms,8:F2} | {P99Ms,8:F2} |";
}

public static class Measure
{
    /// <summary>Runs count operations with the given parallelism; records each operation's latency.</summary>
    /// <param name="partitioned">Worker w takes operations w, w + concurrency, w + 2 × concurrency, …, so an operation's index tells which worker runs it.</param>
    public static async Task<Result> RunAsync(string name, int count, int concurrency, Func<int, Task> operation, bool partitioned = false)
    {
        var latencies = new double[count];
        var next = -1;
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async w =>
        {
            int i;
            var k = 0;
            while ((i = partitioned ? w + concurrency * k++ : Interlocked.Increment(ref next)) < count)
            {
                var start = Stopwatch.GetTimestamp();
                await operation(i);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        });
        await Task.WhenAll(workers);
        total.Stop();
        return Of(name, latencies, total.Elapsed.TotalSeconds);
    }

    public static Result Of(string name, double[] latencies, double seconds)
    {
        var sorted = latencies.Order().ToArray();
        return sorted.Length == 0 ? new Result(name, 0, seconds, double.NaN, double.NaN)
            : new Result(name, sorted.Length, seconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
