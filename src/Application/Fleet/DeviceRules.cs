using Platform.Contracts.Fleet;
using Platform.Domain.Fleet;

namespace Platform.Application.Fleet;

/// <summary>Validation rules the fleet's requests share: labels named one by one, and a device's public key.</summary>
public static class DeviceRules
{
    public const string PublicKeyRule = "must be a P-256 public key as a JWK: {\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":…,\"y\":…} (32 bytes each, base64url), a point on the curve";

    public static void ValidLabels<T>(this IRuleBuilderInitial<T, IReadOnlyDictionary<string, string>?> rule) =>
        rule.Custom((labels, context) =>
        {
            foreach (var (field, reason) in DeviceLabels.Problems(labels))
            {
                context.AddFailure(field, reason);
            }
        });

    public static IRuleBuilderOptions<T, DeviceJwk?> ValidDeviceKey<T>(this IRuleBuilder<T, DeviceJwk?> rule) =>
        rule.Must(jwk =>
        {
            using var key = Es256.Import(jwk);
            return key is not null;
        }).WithMessage(PublicKeyRule);

    /// <summary>The key as stored (canonical JWK JSON) and its thumbprint; the key was validated before.</summary>
    public static (string Jwk, string Thumbprint) Canonical(DeviceJwk jwk)
    {
        using var key = Es256.Import(jwk) ?? throw RequestValidationException.For("publicKey", PublicKeyRule);
        var canonical = Es256.PublicJwk(key);
        return (System.Text.Json.JsonSerializer.Serialize(canonical, FleetJson.Options), Es256.Thumbprint(canonical));
    }

    public static DeviceJwk Stored(string jwkJson) => System.Text.Json.JsonSerializer.Deserialize<DeviceJwk>(jwkJson, FleetJson.Options)!;
}
