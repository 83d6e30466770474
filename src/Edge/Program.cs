using Platform.Edge;
using Platform.Serving;

var builder = WebApplication.CreateBuilder(args);
builder.AddEdgeAgent();
var app = builder.Build();
app.UseStatusCodePages();
app.MapPlatformServing();
await app.RunAsync();
