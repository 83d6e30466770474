using System.Security.Cryptography;
using System.Text;
using Platform.Serving.Endpoints;

namespace Platform.Serving.Security;

/// <summary>
/// Checks <c>Authorization: Bearer psk_…</c> against an endpoint's <see cref="InferenceKeys"/>: 401 without a key or with a
/// malformed one, 403 for a key that this endpoint does not accept. Allocation-free on success: the key is encoded and
/// hashed on the stack. Nothing about the key is logged.
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

        var value = header[0].AsSpan();
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
        return keys.Accepts(hash)
            ? null
            : ServingProblems.Problem(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", "This inference key is not valid for this endpoint.");
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

    private static IResult Unauthenticated(HttpRequest request, string detail)
    {
        request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return ServingProblems.Problem(StatusCodes.Status401Unauthorized, "unauthenticated", "Unauthenticated", detail);
    }
}
