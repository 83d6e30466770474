using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Platform.Api;
using Platform.Host;
using Platform.Host.Serving;
using Platform.Web;
using Platform.Workers;

// Settings come from beside the binary; data goes to ./data under the folder the command was typed in.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (string.IsNullOrWhiteSpace(builder.Configuration["Worker:ApiUrl"]))
{
    builder.Services.AddSingleton<Platform.Workers.Api.IApiAddress, ServerApiAddress>();
}

if (string.IsNullOrWhiteSpace(builder.Configuration["Portal:ApiUrl"]))
{
    builder.Services.AddSingleton<Platform.Web.Api.IPortalApiAddress, ServerApiAddress>(); // the portal calls this host's own Api
}

var worker = builder.Services.AddPlatformWorkers(builder.Configuration);
builder.AddPlatformApi("platform", worker);
builder.AddPlatformWeb();
builder.AddEmbeddedServing();

var app = builder.Build();
await app.Services.InitializePlatformAsync(app.Lifetime.ApplicationStopping);
app.UsePlatformWeb();
app.UsePlatformApi();
app.MapPlatformApi();
app.MapPlatformWeb();
app.MapEmbeddedServing();
app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses)
    {
        Console.WriteLine($"Platform is running at {address} (API reference: {address}/scalar/v1)");
    }
});
await app.RunAsync();
