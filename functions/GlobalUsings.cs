global using ServerlessService.Functions.Hosting;
