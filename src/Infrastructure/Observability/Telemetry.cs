using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.Infrastructure.Observability;

/// <summary>The platform's own activity source and meter.</summary>
public static class Telemetry
{
    public const string Name = "Platform";
    public const string DatabaseSourceName = "Platform.Database";

    public static readonly ActivitySource Source = new(Name);
    public static readonly ActivitySource DatabaseSource = new(DatabaseSourceName);
    public static readonly Meter Meter = new(Name);
}
