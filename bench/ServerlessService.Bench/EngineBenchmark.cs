using System.Diagnostics;
using ServerlessService.Testing;

namespace ServerlessService.Bench;

/// <summary>
/// The ticket orchestrations on the Durable Task engine, in one run on one Azurite: the action round trip (HTTP
/// action → 200 with the new ticket) at a fixed rate, actions/s at saturation against a bare engine's events/s on
/// the same settings, and durable timer lateness on an idle system and under that load.
/// </summary>
public static class EngineBenchmark
{
    public static async Task RunAsync(BenchOptions o)
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = await RunningApp.StartAsync(azurite.ConnectionString, RunningApp.NewPrefix(),
            new Dictionary<string, string?>
            {
                ["EngineOptions:MaxQueuePollingInterval"] = TimeSpan.FromMilliseconds(o.PollingMs).ToString(),
            });
        await using var bare = await BareEngine.StartAsync(azurite.ConnectionString, TimeSpan.FromMilliseconds(o.PollingMs));
        using var http = app.Client();
        var api = await BenchApi.SignInAsync(http);
        var (serial, engineers) = await api.SeedAsync(2);
        var tickets = new string[o.Instances];
        for (var i = 0; i < tickets.Length; i++) tickets[i] = await api.PostAsync("/api/tickets", BenchApi.Ticket(serial), "id");
        var assigns = new int[tickets.Length];
        // Reassigns each ticket to the other engineer: a real action with its SMS, job link and projection.
        Task<bool> Assign(int t) => api.ActAsync(tickets[t], "assign", new { engineerId = engineers[Interlocked.Increment(ref assigns[t]) % 2] });

        for (var t = 0; t < tickets.Length; t++) await Assign(t); // warm-up: every orchestration loaded once
        var rows = new List<string>();
        foreach (var rate in new[] { 1, 10 })
        {
            var count = rate == 1 ? 30 : 200;
            var (result, late) = await PacedAsync($"action round trip at {rate}/s", count, rate, i => Assign(i % tickets.Length));
            rows.Add(result + $" {late} of {count} answered 202");
        }

        var echo = new string[o.Instances];
        for (var i = 0; i < echo.Length; i++) echo[i] = await bare.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BareEngine.Echo), 0);
        var seen = new int[echo.Length];
        async Task Ping(int i)
        {
            var target = Interlocked.Increment(ref seen[i]);
            await bare.Client.RaiseEventAsync(echo[i], BareEngine.EventName, "x");
            var delay = 10;
            while ((await bare.Client.GetInstanceAsync(echo[i]))?.ReadCustomStatusAs<int?>() is not { } status || status < target)
            {
                await Task.Delay(delay);
                delay = Math.Min(delay * 2, 100);
            }
        }
        for (var i = 0; i < echo.Length; i++) await Ping(i);
        var actions = await OwnedAsync("actions at saturation (ticket)", o.Transitions, o.Concurrency, tickets.Length, t => Assign(t));
        var events = await OwnedAsync("events at saturation (bare engine)", o.Transitions, o.Concurrency, echo.Length, Ping);

        var idle = await TimersAsync(bare, o.Timers, load: null);
        var paced = await TimersAsync(bare, o.Timers, load: ct => PacedLoadAsync(5, tickets.Length, Assign, ct), "timer lateness, 5 actions/s");
        var loaded = await TimersAsync(bare, o.Timers, load: ct => LoadAsync(tickets.Length, o.Concurrency, Assign, ct), "timer lateness, saturated");

        Console.WriteLine();
        Console.WriteLine($"Tickets/instances: {o.Instances}, concurrency: {o.Concurrency}, queue polling ≤ {o.PollingMs} ms, machine: {Environment.ProcessorCount} cores");
        Console.WriteLine("| operation                          |      n |   ops/s   | p50 (ms) | p99 (ms) |");
        Console.WriteLine("|------------------------------------|--------|-----------|----------|----------|");
        foreach (var r in rows) Console.WriteLine(r);
        Console.WriteLine(actions.Result + $" {actions.Late} answered 202");
        Console.WriteLine(events.Result);
        Console.WriteLine(idle);
        Console.WriteLine(paced);
        Console.WriteLine(loaded);
        Console.WriteLine($"Actions/s at saturation are {actions.Result.PerSecond / events.Result.PerSecond:F2} × the bare engine's events/s.");
    }

    /// <summary>Open loop: starts one operation every 1/rate s whatever the others do; latency of each.</summary>
    private static async Task<(Result, int Late)> PacedAsync(string name, int count, int rate, Func<int, Task<bool>> operation)
    {
        var latencies = new double[count];
        var late = 0;
        var total = Stopwatch.StartNew();
        var running = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (total.Elapsed < due) await Task.Delay(due - total.Elapsed);
            var n = i;
            running.Add(Task.Run(async () =>
            {
                var start = Stopwatch.GetTimestamp();
                if (!await operation(n)) Interlocked.Increment(ref late);
                latencies[n] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }));
        }
        await Task.WhenAll(running);
        return (Measure.Of(name, latencies, total.Elapsed.TotalSeconds), late);
    }

    /// <summary>Closed loop: each client owns its share of the instances and takes them in turn, one operation in flight per instance.</summary>
    private static async Task<(Result Result, int Late)> OwnedAsync(string name, int count, int clients, int instances, Func<int, Task> operation)
    {
        var late = 0;
        var result = await Measure.RunAsync(name, count, clients, async i =>
        {
            var client = i % clients;
            var owned = Enumerable.Range(0, instances).Where(x => x % clients == client).ToArray();
            var instance = owned[i / clients % owned.Length];
            var task = operation(instance);
            if (task is Task<bool> answered) { if (!await answered) Interlocked.Increment(ref late); }
            else await task;
        }, partitioned: true);
        return (result, late);
    }

    private static async Task LoadAsync(int tickets, int clients, Func<int, Task<bool>> assign, CancellationToken ct)
    {
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var owned = Enumerable.Range(0, tickets).Where(x => x % clients == c).ToArray();
            for (var k = 0; !ct.IsCancellationRequested; k++) await assign(owned[k % owned.Length]);
        }));
    }

    /// <summary>Open loop at a fixed rate, round robin over the tickets, until cancelled.</summary>
    private static async Task PacedLoadAsync(int rate, int tickets, Func<int, Task<bool>> assign, CancellationToken ct)
    {
        var running = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; !ct.IsCancellationRequested; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed, CancellationToken.None);
            running.Add(assign(i % tickets));
        }
        await Task.WhenAll(running);
    }

    /// <summary>Timers due 3–15 s after their orchestration starts, spread evenly; lateness as the orchestration observed it.</summary>
    private static async Task<Result> TimersAsync(BareEngine bare, int count, Func<CancellationToken, Task>? load, string name = "timer lateness, idle")
    {
        BareEngine.TimerLateness.Clear();
        using var stop = new CancellationTokenSource();
        var loading = load?.Invoke(stop.Token) ?? Task.CompletedTask;
        var start = DateTime.UtcNow;
        for (var i = 0; i < count; i++)
            await bare.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BareEngine.Sleeper), 3 + 12.0 * i / count);
        var until = DateTime.UtcNow.AddSeconds(60);
        while (BareEngine.TimerLateness.Count < count && DateTime.UtcNow < until) await Task.Delay(200);
        await stop.CancelAsync();
        await loading;
        var lateness = BareEngine.TimerLateness.ToArray();
        if (lateness.Length < count) Console.WriteLine($"Only {lateness.Length} of {count} timers fired within 60 s.");
        return Measure.Of(name, lateness, (DateTime.UtcNow - start).TotalSeconds);
    }
}
