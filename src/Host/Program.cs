using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Platform.Api;
using Platform.Web;
using Platform.Workers;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformApi("platform");
builder.AddPlatformWeb();
builder.Services.AddPlatformWorkers();

var app = builder.Build();
await app.Services.InitializePlatformAsync(app.Lifetime.ApplicationStopping);
app.UsePlatformApi();
app.MapPlatformApi();
app.MapPlatformWeb();
app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses)
    {
        Console.WriteLine($"Platform is running at {address} (API reference: {address}/scalar/v1)");
    }
});
await app.RunAsync();
