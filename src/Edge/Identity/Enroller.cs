using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Platform.Contracts.Fleet;
using Platform.Edge.Storage;

namespace Platform.Edge.Identity;

/// <summary>
/// Enrols the device once (ADR-008): its name, labels, inventory and public key with the one-time token, and keeps the
/// answer (device id, workspace, the manifest keys it trusts) in the state directory. A lost answer is safe to retry: the
/// same token with the same key answers the same device. Once enrolled, the token is never read again.
/// </summary>
internal sealed class Enroller(
    PlatformConnection platform, DeviceKeyStore keys, StatePaths paths, IOptions<EdgeOptions> options, ILogger<Enroller> logger)
{
    private EnrolledDevice? _device;

    /// <summary>The enrolment kept from before, if any (no call to the platform).</summary>
    public EnrolledDevice? Stored => _device ??= AtomicFile.ReadJson<EnrolledDevice>(paths.Enrolment);

    public async Task<EnrolledDevice> EnsureEnrolledAsync(CancellationToken cancellationToken)
    {
        if (Stored is { } stored)
        {
            return stored;
        }

        var token = options.Value.EnrolmentToken;
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new EnrolmentRefusedException($"The device has not enrolled yet ({paths.Enrolment} is missing): set Edge:EnrolmentToken for its first start.");
        }

        var name = string.IsNullOrWhiteSpace(options.Value.Name) ? Environment.MachineName : options.Value.Name;
        var request = new EnrolRequest(token, name, Es256.PublicJwk(keys.Key), options.Value.Labels, DeviceInventoryReader.Read(logger));
        using var limit = PlatformConnection.Limit(cancellationToken);
        using var response = await platform.Client.PostAsJsonAsync(FleetApi.Enrol, request, AtomicFile.Json, limit.Token);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Conflict or HttpStatusCode.BadRequest)
        {
            // The body says why (expired, used by another key, a bad label); it holds nothing secret.
            var reason = await response.Content.ReadAsStringAsync(limit.Token);
            throw new EnrolmentRefusedException($"Enrolment was refused ({(int)response.StatusCode}): {reason}");
        }

        response.EnsureSuccessStatusCode();
        var device = await response.Content.ReadFromJsonAsync<EnrolledDevice>(AtomicFile.Json, limit.Token)
            ?? throw new HttpRequestException("The enrolment answer was empty.");
        AtomicFile.WriteJson(paths.Enrolment, device);
        _device = device;
        logger.LogInformation(
            "Enrolled as device {DeviceId} ({Name}) in workspace {Workspace}; trusting {Keys} manifest key(s)",
            device.DeviceId, device.Name, device.Workspace, device.ManifestKeys.Count);
        return device;
    }
}
