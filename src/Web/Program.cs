using Platform.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformWeb();
var app = builder.Build();
app.UsePlatformWeb();
app.MapPlatformWeb();
await app.RunAsync();
