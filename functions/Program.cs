using ServerlessService.Functions.Hosting;

await FunctionApp.RunAsync(args);
