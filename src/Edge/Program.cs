using Platform.Edge;
using Platform.Serving;

// appsettings.json is read from beside the executable, wherever it is started from; the state directory stays relative
// to the working folder (Edge:StateDirectory), as a service manager sets it.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddEdgeAgent();
var app = builder.Build();
app.UseStatusCodePages();
app.MapPlatformServing();
await app.RunAsync();
