namespace Platform.Infrastructure.Observability;

/// <summary>Section <c>OpenTelemetry</c>. The standard OTEL_EXPORTER_OTLP_* variables work as well.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>OTLP collector address (e.g. http://otel-collector:4317). No exporter when empty.</summary>
    public string? OtlpEndpoint { get; set; }
}
