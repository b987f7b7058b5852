using System.Diagnostics;
using ServerlessService.Core.Common;
using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Engineers;
using ServerlessService.Core.Sla;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Bench;

/// <summary>
/// The dispatch decision (eligibility + scoring + ranking) over a pool of engineers spread around Shanghai and
/// Hangzhou with random skills, loads and duty, for tickets at random sites: time per decision and allocation.
/// </summary>
public static class DispatchBenchmark
{
    public static void Run(BenchOptions o)
    {
        var random = new Random(42);
        var now = DateTimeOffset.Parse("2026-11-25T10:00:00+08:00");
        string[] lines = ["chiller", "air-compressor", "boiler", "pump"];
        string[] regions = ["310104", "310115", "310000", "330106", "330100", "310112"];
        var pool = Enumerable.Range(0, o.Engineers).Select(i => new EngineerState(new Engineer(
            $"eng-{i:D6}", $"工程师{i}", "+8613900139000",
            [new Skill(lines[random.Next(lines.Length)], random.Next(1, 6)), new Skill(lines[random.Next(lines.Length)], random.Next(1, 6))],
            [regions[random.Next(regions.Length)]], new GeoPoint(30.2 + random.NextDouble() * 1.2, 120.1 + random.NextDouble() * 1.6),
            random.Next(1, 6), random.Next(10) > 0, null, now, now), random.Next(0, 4))).ToList();
        var tickets = Enumerable.Range(0, o.Decisions).Select(i => new Ticket($"tkt-{i}", "261125-0001", TicketStatus.Submitted, $"P{random.Next(1, 5)}", "SN", true, "cus",
            null, lines[random.Next(lines.Length)], null, "leak", "漏水", "+8613800138000",
            new Address(regions[random.Next(regions.Length)], "site", 30.2 + random.NextDouble() * 1.2, 120.1 + random.NextDouble() * 1.6), null, null, "x", now, now)).ToList();
        BusinessCalendar Calendars(string? id) => BusinessCalendar.AlwaysOpen;

        for (var i = 0; i < 50; i++) DispatchEngine.Decide(tickets[i % tickets.Count], pool, Calendars, now);
        var times = new double[tickets.Count];
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var eligible = 0;
        for (var i = 0; i < tickets.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var d = DispatchEngine.Decide(tickets[i], pool, Calendars, now);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            eligible += d.Candidates.Count;
        }
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Array.Sort(times);
        double P(double p) => times[Math.Min(times.Length - 1, (int)Math.Ceiling(p * times.Length) - 1)];
        Console.WriteLine($"Dispatch decisions: {tickets.Count} over a pool of {pool.Count} engineers; machine: {Environment.ProcessorCount} cores");
        Console.WriteLine($"p50 {P(0.50):F2} ms, p99 {P(0.99):F2} ms, max {times[^1]:F2} ms; {allocated / tickets.Count / 1024.0:F0} KiB allocated per decision; " +
            $"{eligible / (double)tickets.Count:F1} candidates kept on average.");
    }
}
