namespace Platform.Host;

/// <summary>Names the embedded host's assembly for WebApplicationFactory in tests (the Api has its own Program).</summary>
public sealed class EmbeddedHost;
