using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using ServerlessService.Core.Storage;
using ServerlessService.Orchestrations.Runtime;
using ServerlessService.Testing;

namespace ServerlessService.Bench;

/// <summary>The state of a benchmark instance: a counter the steps increment.</summary>
public sealed record Counter(int N);

/// <summary>Fires the benchmark's timers and records how late each fired (fire time − due time).</summary>
public sealed class BenchTimers(WorkflowRuntime runtime, TimeProvider clock) : IWorkflowTimers
{
    public ConcurrentBag<double> LatenessMs { get; } = [];
    public string Definition => "bench";

    public async Task FireAsync(TimerMessage m, CancellationToken ct)
    {
        var firedAt = DateTimeOffset.MinValue;
        var fired = await runtime.FireTimerAsync<Counter>(m, i =>
        {
            firedAt = clock.GetUtcNow();
            return new Step<Counter>(i.Data with { N = i.Data.N + 1 });
        }, ct);
        if (fired) LatenessMs.Add((firedAt - m.DueAt).TotalMilliseconds);
    }
}

/// <summary>
/// Transitions per second through the workflow runtime (read, decide, one ETag-guarded transaction of state + history)
/// beside raw single-partition transactions of the same two rows, and the lateness of real durable timers, on Azurite.
/// </summary>
public static class RuntimeBenchmark
{
    public static async Task RunAsync(BenchOptions o)
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = await RunningApp.StartAsync(azurite.ConnectionString, RunningApp.NewPrefix(), new Dictionary<string, string?>(),
            services => services.AddSingleton<IWorkflowTimers, BenchTimers>());
        var runtime = app.Services.GetRequiredService<WorkflowRuntime>();
        var instances = Enumerable.Range(0, o.Instances).Select(i => $"bench-{i:D5}").ToArray();
        foreach (var id in instances)
            await runtime.TryStartAsync(id, "bench", 1, new Step<Counter>(new Counter(0)) { History = { new HistoryRequest("start", "bench", "system") } }, default);

        Step<Counter> Increment(Instance<Counter> i) => new(i.Data with { N = i.Data.N + 1 }) { History = { new HistoryRequest("inc", "bench", "system") } };
        await Measure.RunAsync("warm-up", 50, o.Concurrency, i => runtime.ExecuteAsync<Counter>(instances[i % instances.Length], null, Increment, default));
        var viaRuntime = await Measure.RunAsync("runtime step (decide + txn)", o.Transitions, o.Concurrency,
            i => runtime.ExecuteAsync<Counter>(instances[i % instances.Length], null, Increment, default));

        var raw = await RawTransactionsAsync(azurite.ConnectionString, o);

        var timers = (BenchTimers)app.Services.GetServices<IWorkflowTimers>().Single(t => t.Definition == "bench");
        await ArmTimersAsync(runtime, instances, o.Timers);
        var until = DateTime.UtcNow.AddSeconds(60);
        while (timers.LatenessMs.Count < o.Timers && DateTime.UtcNow < until) await Task.Delay(200);
        var lateness = timers.LatenessMs.OrderBy(x => x).ToArray();

        Console.WriteLine();
        Console.WriteLine($"Transitions: {o.Transitions} over {o.Instances} instances, concurrency {o.Concurrency}; timers: {o.Timers}; " +
            $"machine: {Environment.ProcessorCount} cores");
        Console.WriteLine("| operation                          |      n |   ops/s   | p50 (ms) | p99 (ms) |");
        Console.WriteLine("|------------------------------------|--------|-----------|----------|----------|");
        Console.WriteLine(viaRuntime);
        Console.WriteLine(raw);
        Console.WriteLine($"Runtime transitions run at {viaRuntime.PerSecond / raw.PerSecond:P0} of the raw transaction rate.");
        Console.WriteLine(lateness.Length == 0
            ? "No timer fired."
            : $"Timer lateness (fire − due) over {lateness.Length}/{o.Timers} timers: p50 {Pct(lateness, 0.50):F0} ms, p99 {Pct(lateness, 0.99):F0} ms, max {lateness[^1]:F0} ms.");
    }

    /// <summary>The same two rows per step, written as one transaction with no read and no decision.</summary>
    private static async Task<Result> RawTransactionsAsync(string connectionString, BenchOptions o)
    {
        var table = new TableClient(connectionString, "benchraw" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        var seq = new long[o.Instances];
        var state = JsonRows.ToEntity("x", "state", new Counter(0));
        var json = state.GetString("Json");
        for (var i = 0; i < o.Instances; i++) await table.UpsertEntityAsync(new TableEntity($"raw-{i:D5}", "state") { ["Json"] = json });
        return await Measure.RunAsync("raw table transaction (2 rows)", o.Transitions, o.Concurrency, async i =>
        {
            var n = i % o.Instances;
            var pk = $"raw-{n:D5}";
            var s = Interlocked.Increment(ref seq[n]);
            await table.SubmitTransactionAsync([
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(pk, "state") { ["Json"] = json }),
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(pk, $"h|{s:D12}|{Guid.NewGuid():N}") { ["Json"] = json }),
            ]);
        });
    }

    /// <summary>Arms timers due 1–5 s from now, spread over the instances, each through a committed step.</summary>
    private static async Task ArmTimersAsync(WorkflowRuntime runtime, string[] instances, int count)
    {
        var start = DateTimeOffset.UtcNow;
        var sw = Stopwatch.StartNew();
        await Measure.RunAsync("arm", count, 8, i => runtime.ExecuteAsync<Counter>(instances[i % instances.Length], null, inst =>
        {
            var step = new Step<Counter>(inst.Data);
            step.Arm[$"t{i}"] = start + TimeSpan.FromMilliseconds(1000 + Random.Shared.Next(4000));
            return step;
        }, default));
        Console.WriteLine($"Armed {count} timers in {sw.Elapsed.TotalSeconds:F1} s.");
    }

    private static double Pct(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
