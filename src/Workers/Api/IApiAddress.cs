namespace Platform.Workers.Api;

/// <summary>Where the Api is, for the worker's REST calls.</summary>
public interface IApiAddress
{
    Uri BaseAddress { get; }
}

/// <summary>The address set in <c>Worker:ApiUrl</c>.</summary>
internal sealed class ConfiguredApiAddress(Uri baseAddress) : IApiAddress
{
    public Uri BaseAddress { get; } = baseAddress;

    public static ConfiguredApiAddress From(string? apiUrl) =>
        Uri.TryCreate(apiUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new ConfiguredApiAddress(uri)
            : throw new InvalidOperationException(
                $"Worker:ApiUrl must be the Api's http(s) address (it is '{apiUrl}'): a worker renews its jobs' leases and reports their ends there.");
}
