using ServerlessService.Bench;

// intake:  ticket intake over HTTP vs raw Azure Table inserts, on one Azurite, in one run.
//   dotnet run -c Release --project bench/ServerlessService.Bench -- intake [--tickets 1000] [--concurrency 8]
// dispatch: the dispatch decision over a pool of engineers.
//   dotnet run -c Release --project bench/ServerlessService.Bench -- dispatch [--engineers 10000] [--decisions 1000]
var options = BenchOptions.Parse(args);
if (options.Mode == "dispatch") DispatchBenchmark.Run(options);
else await IntakeBenchmark.RunAsync(options);
