using ServerlessService.Host;

await LocalHost.RunAsync(args);
