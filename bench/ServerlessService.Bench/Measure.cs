using System.Diagnostics;

namespace ServerlessService.Bench;

public sealed record Result(string Name, int Count, double Seconds, double P50Ms, double P99Ms)
{
    public double PerSecond => Count / Seconds;
    public override string ToString() => $"| {Name,-34} | {Count,6} | {PerSecond,9:F1} | {P50Ms,8:F2} | {P99Ms,8:F2} |";
}

public static class Measure
{
    /// <summary>Runs count operations with the given parallelism; records each operation's latency.</summary>
    public static async Task<Result> RunAsync(string name, int count, int concurrency, Func<int, Task> operation)
    {
        var latencies = new double[count];
        var next = -1;
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var start = Stopwatch.GetTimestamp();
                await operation(i);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        });
        await Task.WhenAll(workers);
        total.Stop();
        Array.Sort(latencies);
        return new Result(name, count, total.Elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
