namespace Platform.Infrastructure.Observability;

/// <summary>
/// Request paths as traces and logs may show them: a signed download link's path is itself the credential (it needs no
/// token), so everything after <c>/api/v1/downloads/</c> is replaced; other paths are kept whole.
/// </summary>
public static class SensitivePaths
{
    public const string DownloadLinks = "/api/v1/downloads";

    public static string Redact(string? path) =>
        path is not null && path.StartsWith(DownloadLinks + "/", StringComparison.OrdinalIgnoreCase) && path.Length > DownloadLinks.Length + 1
            ? DownloadLinks + "/{link}"
            : path ?? "";
}
