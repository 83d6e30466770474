namespace Platform.Web.Components.Pages.Fleet;

/// <summary>The edge agent's command line that enrols a device: where the Api is, the one-time token, and the device's name.</summary>
public static class EnrolCommand
{
    public static string For(string apiUrl, string secret, string name) =>
        $"ASPNETCORE_URLS=http://0.0.0.0:8080 Edge__Platform={apiUrl} Edge__EnrolmentToken={secret} Edge__Name={Quoted(name)} ./platform-edge";

    /// <summary>
    /// The Api's address as a device would reach it: the portal's own setting, unless that is a loopback address (the embedded
    /// host calls itself), where the address the browser came by is the better guess (the embedded host serves the Api there too).
    /// </summary>
    public static string ApiUrl(Uri configured, string browserBase) =>
        (configured.IsLoopback ? browserBase : configured.ToString()).TrimEnd('/');

    private static string Quoted(string name) => name.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '$' or '`' or '\\') ? $"'{name.Replace("'", "'\\''", StringComparison.Ordinal)}'" : name;
}
