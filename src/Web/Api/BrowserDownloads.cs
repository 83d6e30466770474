using Microsoft.JSInterop;

namespace Platform.Web.Api;

/// <summary>
/// Saves a file in the user's browser, which holds no Api token: the server asks the Api for a signed link with the
/// user's token and has the browser follow it. The link is relative to the portal's origin (the embedded host, or a
/// proxy that routes <c>/api</c>), or on <c>Portal:PublicApiUrl</c> when the Api is elsewhere.
/// </summary>
public sealed class BrowserDownloads(PlatformApiClient api, IJSRuntime js, IConfiguration configuration)
{
    public async Task<DownloadLink> DownloadAsync(DownloadRequest request, CancellationToken ct = default)
    {
        var link = await api.DownloadLinkAsync(request, ct);
        var url = Uri.TryCreate(configuration["Portal:PublicApiUrl"], UriKind.Absolute, out var publicApi)
            ? new Uri(publicApi, link.Url.TrimStart('/')).ToString()
            : link.Url;
        await js.InvokeVoidAsync("platformDownload", ct, url);
        return link;
    }
}
