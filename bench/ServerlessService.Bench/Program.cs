using ServerlessService.Bench;

// Ticket intake over HTTP vs raw Azure Table inserts, on one Azurite, in one run.
// dotnet run -c Release --project bench/ServerlessService.Bench -- [--tickets 1000] [--concurrency 8]
var options = BenchOptions.Parse(args);
await IntakeBenchmark.RunAsync(options);
