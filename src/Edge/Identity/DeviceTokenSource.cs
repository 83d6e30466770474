using System.Net;
using System.Net.Http.Json;
using Platform.Contracts.Fleet;
using Platform.Edge.Storage;

namespace Platform.Edge.Identity;

/// <summary>
/// The device's bearer token (ADR-008): a fresh ES256 assertion (iss = sub = the device, aud = the token path, a new jti,
/// four minutes of life) traded for a token, kept until a fifth of its life is left or a call answers 401. When the token
/// call itself answers 401 with a Date far from the local clock, the clock is taken to be off and the server's time is used
/// for the assertions from then on.
/// </summary>
internal sealed class DeviceTokenSource(
    PlatformConnection platform, DeviceKeyStore keys, Enroller enroller, TimeProvider clock, ILogger<DeviceTokenSource> logger)
{
    /// <summary>Less than the platform's 5-minute limit, so that a second of rounding never makes an assertion too long.</summary>
    internal static readonly TimeSpan AssertionLifetime = TimeSpan.FromMinutes(4);

    /// <summary>A skew smaller than this is ordinary drift (and the Date header's one-second resolution), not a wrong clock.</summary>
    internal static readonly TimeSpan SkewWorthCorrecting = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    /// <summary>What is added to the local clock to get the platform's (zero until a 401 showed otherwise).</summary>
    public TimeSpan ClockSkew { get; private set; }

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } token && clock.GetUtcNow() < _renewAt)
            {
                return token;
            }

            var device = await enroller.EnsureEnrolledAsync(cancellationToken);
            return await RequestAsync(device.DeviceId, allowSkewRetry: true, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the token (a call answered 401: suspended, key rotated, or the platform restarted its keys).</summary>
    public void Invalidate(string rejected)
    {
        // Only the token that was refused: another caller may already have renewed it.
        if (_token == rejected)
        {
            _token = null;
        }
    }

    internal string Assertion(Guid deviceId)
    {
        var issuedAt = clock.GetUtcNow() + ClockSkew;
        var id = deviceId.ToString();
        return Es256.Sign(keys.Key, new Dictionary<string, object>
        {
            ["iss"] = id,
            ["sub"] = id,
            ["aud"] = FleetApi.TokenAudience(deviceId),
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = (issuedAt + AssertionLifetime).ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
        });
    }

    private async Task<string> RequestAsync(Guid deviceId, bool allowSkewRetry, CancellationToken cancellationToken)
    {
        using var limit = PlatformConnection.Limit(cancellationToken);
        var sentAt = clock.GetUtcNow();
        using var response = await platform.Client.PostAsJsonAsync(FleetApi.Token(deviceId), new DeviceTokenRequest(Assertion(deviceId)), AtomicFile.Json, limit.Token);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            if (allowSkewRetry && response.Headers.Date is { } serverTime && (serverTime - sentAt).Duration() > SkewWorthCorrecting)
            {
                ClockSkew = serverTime - sentAt;
                logger.LogWarning("The local clock is off the platform's by {Skew}; assertions now use the platform's time", ClockSkew);
                return await RequestAsync(deviceId, allowSkewRetry: false, cancellationToken);
            }

            var reason = await response.Content.ReadAsStringAsync(limit.Token);
            throw new EnrolmentRefusedException($"The platform refused the device's key proof (401): {reason}");
        }

        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<DeviceTokenResponse>(AtomicFile.Json, limit.Token)
            ?? throw new HttpRequestException("The token answer was empty.");
        var lifetime = TimeSpan.FromSeconds(Math.Max(1, answer.ExpiresIn));
        _token = answer.AccessToken;
        _renewAt = sentAt + lifetime - lifetime / 5;
        logger.LogDebug("Got a device token for {Lifetime}", lifetime);
        return answer.AccessToken;
    }
}
