using System.Net;
using System.Net.Http.Json;
using Platform.Contracts.Fleet;
using Platform.Edge.Identity;
using Platform.Edge.Storage;

namespace Platform.Edge.Polling;

/// <summary>
/// Asks for the desired state with the last answer's ETag in <c>If-None-Match</c>: 304 means nothing changed and costs the
/// platform next to nothing. The ETag is kept in memory only: after a restart the first poll asks in full, so that the
/// agent never holds an ETag without the state it stands for.
/// </summary>
internal sealed class DesiredStatePoller(DeviceHttp http, ILogger<DesiredStatePoller> logger)
{
    private string? _etag;

    /// <summary>The last desired state answered (null before the first).</summary>
    public DeviceDesiredState? Last { get; private set; }

    /// <summary>Polls once; the current desired state (changed or not) and whether it changed.</summary>
    /// <exception cref="HttpRequestException">The platform is unreachable or answered an error.</exception>
    public async Task<(DeviceDesiredState State, bool Changed)> PollAsync(CancellationToken cancellationToken)
    {
        using var limit = PlatformConnection.Limit(cancellationToken);
        using var response = await http.SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, FleetApi.DesiredState);
            if (_etag is not null && Last is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", _etag);
            }

            return request;
        }, limit.Token);
        if (response.StatusCode == HttpStatusCode.NotModified && Last is { } unchanged)
        {
            return (unchanged, false);
        }

        response.EnsureSuccessStatusCode();
        var state = await response.Content.ReadFromJsonAsync<DeviceDesiredState>(AtomicFile.Json, limit.Token)
            ?? throw new HttpRequestException("The desired state answer was empty.");
        var changed = Last is null || Last.Revision != state.Revision;
        _etag = response.Headers.ETag?.ToString();
        Last = state;
        if (changed)
        {
            logger.LogInformation("Desired state revision {Revision}: {Models}", state.Revision, string.Join(", ", state.Models.Select(m => $"{m.Name} v{m.Version}")));
        }

        return (state, changed);
    }
}
