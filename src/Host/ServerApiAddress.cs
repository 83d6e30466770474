using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Platform.Workers.Api;

namespace Platform.Host;

/// <summary>
/// The in-process worker reaches the Api at the embedded host's own address (loopback when it listens on every
/// interface), unless <c>Worker:ApiUrl</c> says otherwise. Read when first needed, after the server has started.
/// </summary>
internal sealed class ServerApiAddress(IServer server) : IApiAddress, Platform.Web.Api.IPortalApiAddress
{
    private readonly Lazy<Uri> _address = new(() => Resolve(server));

    public Uri BaseAddress => _address.Value;

    private static Uri Resolve(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The embedded host listens on no address its worker could reach; set Worker:ApiUrl.");
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri;
    }
}
