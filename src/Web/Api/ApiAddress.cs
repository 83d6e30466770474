namespace Platform.Web.Api;

/// <summary>Where the portal finds the Api: <c>Portal:ApiUrl</c>, or (in the embedded host) the host's own address.</summary>
public interface IPortalApiAddress
{
    Uri BaseAddress { get; }
}

internal sealed class ConfiguredApiAddress(IConfiguration configuration) : IPortalApiAddress
{
    public Uri BaseAddress { get; } = Uri.TryCreate(configuration["Portal:ApiUrl"], UriKind.Absolute, out var url)
        ? url
        : throw new InvalidOperationException("Set Portal:ApiUrl to the Api's address (e.g. http://api:8080/).");
}
