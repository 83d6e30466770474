using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Platform.Contracts.Fleet;

/// <summary>
/// Compact JWS with ES256 (ECDSA P-256, SHA-256; RFC 7515/7518) and P-256 JWKs with their RFC 7638 thumbprints: what
/// device assertions and model manifests are made of, on both sides of the link, with nothing but the base library.
/// </summary>
public static class Es256
{
    /// <summary>A compact JWS of <paramref name="payload"/> (its JSON), with <paramref name="kid"/> in the header when given.</summary>
    public static string Sign(ECDsa key, object payload, string? kid = null)
    {
        var header = kid is null ? "{\"alg\":\"ES256\",\"typ\":\"JWT\"}" : $"{{\"alg\":\"ES256\",\"kid\":{JsonSerializer.Serialize(kid)}}}";
        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType()));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>The key id a JWS's header names, or null (also for anything that is not a compact JWS).</summary>
    public static string? KeyId(string jws) =>
        Header(jws) is { } header && header.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String ? kid.GetString() : null;

    /// <summary>The payload of <paramref name="jws"/> when it is an ES256 JWS signed by <paramref name="key"/>; null otherwise.</summary>
    public static JsonElement? Verify(string? jws, ECDsa key)
    {
        var parts = jws?.Split('.');
        if (parts is not [var header, var payload, var signature] || Header(jws!) is not { } h
            || !h.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "ES256")
        {
            return null;
        }

        var signatureBytes = Decode(signature);
        if (signatureBytes is not { Length: 64 }
            || !key.VerifyData(Encoding.ASCII.GetBytes(header + "." + payload), signatureBytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return null;
        }

        try
        {
            return Decode(payload) is { } bytes && JsonDocument.Parse(bytes).RootElement is { ValueKind: JsonValueKind.Object } root ? root.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The public JWK of <paramref name="key"/>.</summary>
    public static DeviceJwk PublicJwk(ECDsa key)
    {
        var p = key.ExportParameters(includePrivateParameters: false);
        return new DeviceJwk("EC", "P-256", Base64Url.EncodeToString(p.Q.X!), Base64Url.EncodeToString(p.Q.Y!));
    }

    /// <summary>The key a JWK stands for, or null when it is not a P-256 public key on the curve.</summary>
    public static ECDsa? Import(DeviceJwk? jwk)
    {
        if (jwk is not { Kty: "EC", Crv: "P-256" } || Decode(jwk.X) is not { Length: 32 } x || Decode(jwk.Y) is not { Length: 32 } y)
        {
            return null;
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
            return key;
        }
        catch (CryptographicException)
        {
            key.Dispose();
            return null;
        }
    }

    /// <summary>The JWK's RFC 7638 thumbprint: base64url SHA-256 of its required members in lexical order.</summary>
    public static string Thumbprint(DeviceJwk jwk) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($"{{\"crv\":\"{jwk.Crv}\",\"kty\":\"{jwk.Kty}\",\"x\":\"{jwk.X}\",\"y\":\"{jwk.Y}\"}}")));

    private static JsonElement? Header(string jws)
    {
        var dot = jws.IndexOf('.', StringComparison.Ordinal);
        try
        {
            return dot > 0 && Decode(jws[..dot]) is { } bytes && JsonDocument.Parse(bytes).RootElement is { ValueKind: JsonValueKind.Object } root ? root.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[]? Decode(string? text)
    {
        if (text is null || !Base64Url.IsValid(text))
        {
            return null;
        }

        return Base64Url.DecodeFromChars(text);
    }
}
