global using ServerlessService.Api.Hosting;
