using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Connections.Features;
using Platform.Serving.Endpoints;

namespace Platform.Serving.Security;

/// <summary>
/// Checks <c>Authorization: Bearer psk_…</c> against an endpoint's <see cref="InferenceKeys"/>: 401 without a key or with a
/// malformed one, 403 for a key that this endpoint does not accept. Allocation-free on success: the key is encoded and
/// hashed on the stack. Nothing about the key is logged. A connection remembers the header it last showed and the keys
/// that accepted it, by reference: Kestrel hands a keep-alive connection the same string while the header's bytes do
/// not change, so the next request on it is let in without hashing again (the same string object means the same key;
/// keys of another endpoint or a new state are other objects and are checked again). Nothing is kept past the connection.
/// </summary>
internal static class InferenceAuthorization
{
    public const string KeyPrefix = "psk_";
    private const int MaxKeyLength = 256;

    /// <summary>The problem to answer with, or <c>null</c> when the request may go on.</summary>
    public static IResult? Check(HttpRequest request, InferenceKeys keys)
    {
        if (keys.IsOpen)
        {
            return null;
        }

        var header = request.Headers.Authorization;
        if (header.Count != 1)
        {
            return Unauthenticated(request, "Send the endpoint's inference key as 'Authorization: Bearer psk_…'.");
        }

        var shown = header[0]!;
        // Remembered per connection only where its requests come one at a time (HTTP/1.x): HTTP/2 and HTTP/3 run
        // requests of one connection in parallel, and the connection's items are not safe for that.
        var connection = HttpProtocol.IsHttp11(request.Protocol) || HttpProtocol.IsHttp10(request.Protocol)
            ? request.HttpContext.Features.Get<IConnectionItemsFeature>()?.Items
            : null;
        if (connection is not null && connection.TryGetValue(VerifiedKey.Item, out var verified) && verified is VerifiedKey last &&
            ReferenceEquals(last.Keys, keys) && ReferenceEquals(last.Header, shown))
        {
            return null;
        }

        var value = shown.AsSpan();
        if (!value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Unauthenticated(request, "The Authorization header must be 'Bearer psk_…'.");
        }

        var key = value[7..].Trim();
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal) || key.Length <= KeyPrefix.Length || key.Length > MaxKeyLength || !Printable(key))
        {
            return Unauthenticated(request, "The bearer token is not an inference key (psk_…).");
        }

        Span<byte> utf8 = stackalloc byte[MaxKeyLength];
        var length = Encoding.ASCII.GetBytes(key, utf8);
        Span<byte> hash = stackalloc byte[InferenceKeys.HashBytes];
        SHA256.HashData(utf8[..length], hash);
        if (!keys.Accepts(hash))
        {
            return ServingProblems.Problem(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", "This inference key is not valid for this endpoint.");
        }

        connection?[VerifiedKey.Item] = new VerifiedKey(keys, shown);
        return null;
    }

    private static bool Printable(ReadOnlySpan<char> key)
    {
        foreach (var c in key)
        {
            if (c is <= ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The header string a connection showed last and the keys that accepted it.</summary>
    private sealed record VerifiedKey(InferenceKeys Keys, string Header)
    {
        public static readonly object Item = new();
    }

    private static IResult Unauthenticated(HttpRequest request, string detail)
    {
        request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return ServingProblems.Problem(StatusCodes.Status401Unauthorized, "unauthenticated", "Unauthenticated", detail);
    }
}
