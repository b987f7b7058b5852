using ServerlessService.Bench;

// intake:  ticket intake over HTTP vs raw Azure Table inserts, on one Azurite, in one run.
//   dotnet run -c Release --project bench/ServerlessService.Bench -- intake [--tickets 1000] [--concurrency 8]
//   (with the default 8 it runs 8 and 16 clients)
// engine:  the ticket orchestrations: action round trip at 1 and 10 actions/s, actions/s at saturation against a
//          bare Durable Task engine's events/s on the same settings, timer lateness idle and under load.
//   dotnet run -c Release --project bench/ServerlessService.Bench -- engine [--instances 32] [--concurrency 16] [--transitions 400] [--timers 100]
// dispatch: the dispatch decision over a pool of engineers.
//   dotnet run -c Release --project bench/ServerlessService.Bench -- dispatch [--engineers 10000] [--decisions 1000]
var options = BenchOptions.Parse(args);
if (options.Mode == "dispatch") DispatchBenchmark.Run(options);
else if (options.Mode == "engine") await EngineBenchmark.RunAsync(options);
else await IntakeBenchmark.RunAsync(options);
