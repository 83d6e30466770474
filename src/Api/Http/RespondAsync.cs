
namespace Platform.Api.Http;

/// <summary>
/// RFC 7240's <c>Prefer: respond-async</c>: the client would rather have a 202 as soon as the request is accepted than
/// wait for the work to finish. The header may list several preferences, comma-separated, with parameters.
/// </summary>
internal static class RespondAsync
{
    public const string Token = "respond-async";

    public static bool Preferred(HttpRequest request) =>
        request.Headers["Prefer"].SelectMany(value => (value ?? "").Split(','))
            .Any(preference => preference.Split(';')[0].Trim().Equals(Token, StringComparison.OrdinalIgnoreCase));
}
