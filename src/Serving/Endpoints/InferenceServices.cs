using Platform.Serving.Models;
using Platform.Serving.Monitoring;
using Platform.Serving.State;
using Platform.Serving.Telemetry;

namespace Platform.Serving.Endpoints;

/// <summary>What an inference request needs, resolved once as one singleton.</summary>
internal sealed record InferenceServices(IServingState State, ServingMetrics Metrics, FaultInjector Faults, ILogger<LoadedModel> Logger);
