namespace ServerlessService.Bench;

/// <param name="NoWorker">Intake only: the engine takes no work items, to see what intake costs without the workflows running beside it.</param>
/// <param name="PollingMs">The engine's MaxQueuePollingInterval for the app and the bare engine (engine mode).</param>
public sealed record BenchOptions(string Mode, int Tickets, int Concurrency, int Transitions, int Instances, int Timers, int Engineers, int Decisions, int PollingMs, bool NoWorker)
{
    public static BenchOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) && v > 0 ? v : fallback;
        }
        var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "intake";
        return new BenchOptions(mode, Get("--tickets", 1000), Get("--concurrency", 8), Get("--transitions", 2000), Get("--instances", 64), Get("--timers", 300),
            Get("--engineers", 10_000), Get("--decisions", 1000), Get("--polling-ms", 1000), args.Contains("--no-worker"));
    }
}
