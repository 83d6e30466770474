namespace Platform.Workers;

/// <summary>This process's identity on the bus: machine, process id and a random suffix, unique across restarts.</summary>
public sealed record WorkerIdentity(string Id)
{
    public static WorkerIdentity Create() =>
        new($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}".ToLowerInvariant());
}
