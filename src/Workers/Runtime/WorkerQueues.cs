using Platform.Contracts.Messages.Jobs;
using Platform.Workers.Executors;

namespace Platform.Workers.Runtime;

/// <summary>The job queues this worker consumes: the kinds it has executors for (or was told to take), on its hardware.</summary>
public sealed record WorkerQueues(IReadOnlyList<string> Kinds, IReadOnlyList<string> HardwareClasses)
{
    public IEnumerable<string> Names => Kinds.SelectMany(k => HardwareClasses.Select(h => JobQueues.For(k, h)));

    internal static WorkerQueues Resolve(WorkerOptions options, WorkerCapabilities capabilities, IEnumerable<IJobExecutor> executors)
    {
        var available = executors.Select(e => e.Kind).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kinds = Split(options.Kinds) ?? [.. available];
        var unknown = kinds.Where(k => !available.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"Worker:Kinds names kinds this worker cannot run: {string.Join(", ", unknown)} (it has {string.Join(", ", available)}).");
        }

        var hardware = Split(options.HardwareClasses) ?? (capabilities.HasGpu ? ["cpu", "gpu"] : ["cpu"]);
        var badHardware = hardware.Where(h => !JobQueues.HardwareClasses.Contains(h)).ToList();
        return badHardware.Count > 0
            ? throw new InvalidOperationException($"Worker:HardwareClasses must be cpu and/or gpu, not {string.Join(", ", badHardware)}.")
            : new WorkerQueues(kinds, hardware);
    }

    private static string[]? Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => v.ToLowerInvariant()).ToArray();
}
