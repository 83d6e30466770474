namespace Platform.Workers;

/// <summary>Section <c>Worker</c>.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Shown in the portal; defaults to the machine name.</summary>
    public string? Name { get; set; }

    /// <summary>Job kinds to take (comma-separated); defaults to every kind this worker has an executor for.</summary>
    public string? Kinds { get; set; }

    /// <summary>Hardware classes to take (comma-separated); defaults to cpu, plus gpu when a GPU is present.</summary>
    public string? HardwareClasses { get; set; }

    /// <summary>
    /// The Api's base address (e.g. <c>http://api:8080</c>): lease renewals and job ends go there over HTTP with the
    /// job's token. Required for a worker process; the embedded host defaults it to its own address.
    /// </summary>
    public string? ApiUrl { get; set; }

    public int MaxConcurrentJobs { get; set; } = 1;

    /// <summary>Programs a Script training job may run (comma-separated), e.g. <c>python3</c>.</summary>
    public string ScriptCommands { get; set; } = "python3";

    /// <summary>Where script jobs get their working folders; defaults to the temp folder.</summary>
    public string? ScriptWorkRoot { get; set; }

    /// <summary>ONNX Runtime's execution provider for evaluation: Cpu, or Cuda (falls back to CPU, with the reason in the report).</summary>
    public Platform.MachineLearning.Evaluation.ExecutionProviderPreference ExecutionProvider { get; set; }
    public int HeartbeatSeconds { get; set; } = 5;

    /// <summary>On shutdown, how long a running job may take to finish before it is handed back.</summary>
    public int ShutdownGraceSeconds { get; set; } = 20;
}
