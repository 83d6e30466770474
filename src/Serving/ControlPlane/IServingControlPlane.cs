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
    /// the version (a conditional read: the Api answers it with the caller's workspaces and one aggregate query).
    /// </summary>
    Task<ServingDesiredState?> GetDesiredStateAsync(long? knownVersion, CancellationToken cancellationToken);

    /// <summary>Copies the ONNX file of a version of a model in <paramref name="workspace"/> into <paramref name="destination"/>.</summary>
    Task DownloadModelAsync(string workspace, string model, int version, Stream destination, CancellationToken cancellationToken);

    /// <summary>Reports to the deployment an <paramref name="endpoint"/> serves (<see cref="ServingControlPlaneApi.EndpointName"/>).</summary>
    Task ReportCanaryRollbackAsync(string endpoint, CanaryRollbackReport report, CancellationToken cancellationToken);

    /// <summary>Reports to the deployment an <paramref name="endpoint"/> serves (<see cref="ServingControlPlaneApi.EndpointName"/>).</summary>
    Task ReportMonitoringAsync(string endpoint, MonitoringReport report, CancellationToken cancellationToken);
}
