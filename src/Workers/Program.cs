using Platform.Workers;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddPlatformWorkers();
await builder.Build().RunAsync();
