using Platform.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformApi();

var app = builder.Build();
await app.Services.InitializePlatformAsync(app.Lifetime.ApplicationStopping);
app.UsePlatformApi();
app.MapPlatformApi();
await app.RunAsync();

/// <summary>The distributed deployment's API process. Exposed for WebApplicationFactory in tests.</summary>
public partial class Program;
