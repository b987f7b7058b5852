namespace ServerlessService.Bench;

public sealed record BenchOptions(int Tickets, int Concurrency)
{
    public static BenchOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) && v > 0 ? v : fallback;
        }
        return new BenchOptions(Get("--tickets", 1000), Get("--concurrency", 8));
    }
}
