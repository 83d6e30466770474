using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Platform.Contracts.Fleet;

namespace Platform.Api.Tests.Support;

/// <summary>
/// A device as the tests play it: its own P-256 key, enrolling and proving the key over the HTTP API that
/// <paramref name="anonymous"/> and <paramref name="authorized"/> reach (the in-memory Api, or the embedded host's port).
/// </summary>
public sealed class TestDevice(Func<HttpClient> anonymous, Func<string, HttpClient> authorized) : IDisposable
{
    public ECDsa Key { get; private set; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public Guid Id { get; private set; }

    public DeviceJwk PublicKey => Es256.PublicJwk(Key);

    public async Task<HttpResponseMessage> EnrolAsync(string token, string name, object? labels = null, object? inventory = null)
    {
        using var client = anonymous();
        return await client.PostJsonAsync(FleetApi.Enrol, new { token, name, publicKey = PublicKey, labels, inventory });
    }

    /// <summary>Enrols (200 expected) and remembers the device id.</summary>
    public async Task<JsonNode> EnrolledAsync(string token, string name, object? labels = null)
    {
        var enrolled = await (await EnrolAsync(token, name, labels)).ExpectAsync(200);
        Id = Guid.Parse(enrolled["deviceId"]!.GetValue<string>());
        return enrolled;
    }

    public string Assertion(
        string? audience = null, TimeSpan? lifetime = null, DateTimeOffset? issuedAt = null, string? jti = null, ECDsa? signer = null, string? jkt = null)
    {
        var iat = issuedAt ?? DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Id.ToString(), ["sub"] = Id.ToString(), ["aud"] = audience ?? FleetApi.TokenAudience(Id),
            ["iat"] = iat.ToUnixTimeSeconds(), ["exp"] = iat.Add(lifetime ?? TimeSpan.FromMinutes(2)).ToUnixTimeSeconds(), ["jti"] = jti ?? Guid.NewGuid().ToString(),
        };
        if (jkt is not null)
        {
            claims["jkt"] = jkt;
        }

        return Es256.Sign(signer ?? Key, claims);
    }

    public async Task<HttpResponseMessage> TokenResponseAsync(string? assertion = null)
    {
        using var client = anonymous();
        return await client.PostAsJsonAsync(FleetApi.Token(Id), new { assertion = assertion ?? Assertion() });
    }

    /// <summary>A client carrying a fresh device token.</summary>
    public async Task<HttpClient> ClientAsync()
    {
        var token = await (await TokenResponseAsync()).ExpectAsync(200);
        return authorized(token["accessToken"]!.GetValue<string>());
    }

    public void Replace(ECDsa key)
    {
        Key.Dispose();
        Key = key;
    }

    public void Dispose() => Key.Dispose();
}
