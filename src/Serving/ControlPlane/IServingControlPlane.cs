using Platform.Contracts.Api;

namespace Platform.Serving.ControlPlane;

/// <summary>
/// The Api seen from a serving host (<see cref="ServingControlPlaneApi"/>): the desired state and the model files it
/// names, and where the host reports canary rollbacks and monitoring. Calls throw <see cref="HttpRequestException"/>
/// (with the status when the Api answered) on failure.
/// </summary>
public interface IServingControlPlane
{
    /// <summary>
    /// The desired state; or null when the host names the <paramref name="knownVersion"/> it applied and that is still
    /// the version (a conditional read: the Api answers it with one aggregate query).
    /// </summary>
    Task<ServingDesiredState?> GetDesiredStateAsync(long? knownVersion, CancellationToken cancellationToken);

    /// <summary>Copies a model version's ONNX file into <paramref name="destination"/>.</summary>
    Task DownloadModelAsync(string model, int version, Stream destination, CancellationToken cancellationToken);

    Task ReportCanaryRollbackAsync(string endpoint, CanaryRollbackReport report, CancellationToken cancellationToken);

    Task ReportMonitoringAsync(string endpoint, MonitoringReport report, CancellationToken cancellationToken);
}
