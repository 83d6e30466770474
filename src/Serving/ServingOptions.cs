using Platform.MachineLearning.Evaluation;
using Platform.Serving.ControlPlane;
using Platform.Serving.State;

namespace Platform.Serving;

/// <summary>Section <c>Serving</c>: how models are run and batched, the admin key, and the state served at start.</summary>
public sealed class ServingOptions
{
    public const string Section = "Serving";

    /// <summary>Most rows in one ONNX Runtime call (1 turns micro-batching off).</summary>
    public int MaxBatchSize { get; set; } = 64;

    /// <summary>How long a batch that is not full waits for more rows once the queue is empty; 0 = no wait.</summary>
    public double MaxBatchDelayMilliseconds { get; set; }

    /// <summary>Cpu, or Cuda (falls back to the CPU with a logged reason when this ONNX Runtime build or machine has no CUDA).</summary>
    public ExecutionProviderPreference ExecutionProvider { get; set; } = ExecutionProviderPreference.Cpu;

    public int CudaDeviceId { get; set; }

    /// <summary>ONNX Runtime intra-op threads per session. 1 by default: small batches gain nothing from more, and spinning threads would take cores from Kestrel.</summary>
    public int? IntraOpThreads { get; set; } = 1;

    /// <summary>Shared key for <c>/v2/admin/*</c> (header <c>X-Serving-Admin-Key</c>); the admin endpoints refuse every call while it is empty.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Folder that relative model paths resolve against; default: the content root.</summary>
    public string? ModelRoot { get; set; }

    /// <summary>The state applied at start when there is no control plane (<see cref="ControlPlaneOptions.ApiUrl"/> empty).</summary>
    public EndpointSpec[] Endpoints { get; set; } = [];

    /// <summary>
    /// Lower-case hex SHA-256 of the inference keys (<c>Authorization: Bearer psk_…</c>) that configured endpoints accept;
    /// empty leaves them open (a warning is logged at start). Endpoints from the control plane carry their own.
    /// </summary>
    public string[] InferenceKeyHashes { get; set; } = [];

    /// <summary>Where model files downloaded from the control plane are kept, each named by its SHA-256; default: a folder under the temp path.</summary>
    public string? ModelCache { get; set; }

    /// <summary>Lets <c>PUT /v2/admin/faults</c> inject errors and latency (drills and tests); off by default.</summary>
    public bool AllowFaultInjection { get; set; }

    /// <summary>Rows kept per model version in the reservoir sample that drift is measured on.</summary>
    public int SampleSize { get; set; } = 1_000;

    /// <summary>How often the canary watchdog checks the canaries' windows.</summary>
    public int CanaryCheckMilliseconds { get; set; } = 1_000;

    /// <summary>How often the drift monitor looks for endpoints whose report interval has passed.</summary>
    public int MonitorTickMilliseconds { get; set; } = 1_000;

    public ControlPlaneOptions ControlPlane { get; set; } = new();
}
