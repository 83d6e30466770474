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

    public int MaxConcurrentJobs { get; set; } = 1;
    public int HeartbeatSeconds { get; set; } = 5;

    /// <summary>On shutdown, how long a running job may take to finish before it is handed back.</summary>
    public int ShutdownGraceSeconds { get; set; } = 20;
}
