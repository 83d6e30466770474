using System.Net;
using System.Net.Http.Headers;

namespace Platform.Edge.Identity;

/// <summary>
/// Sends a call with the device's bearer token; on 401 gets a new token and sends it once more (the token may have been
/// revoked by a key rotation, or the platform may have restarted). Each call is built anew by <c>build</c>, so every
/// send is a fresh request that is safe to repeat.
/// </summary>
internal sealed class DeviceHttp(PlatformConnection platform, DeviceTokenSource tokens)
{
    public async Task<HttpResponseMessage> SendAsync(
        Func<HttpRequestMessage> build, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var token = await tokens.GetAsync(cancellationToken);
        var response = await SendOnceAsync(build, token, completion, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        tokens.Invalidate(token);
        token = await tokens.GetAsync(cancellationToken);
        return await SendOnceAsync(build, token, completion, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(Func<HttpRequestMessage> build, string token, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = build();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await platform.Client.SendAsync(request, completion, cancellationToken);
    }
}
