namespace Platform.Contracts.Messages.Jobs;

/// <summary>One queue per job kind and hardware class, e.g. <c>jobs-train-gpu</c>: workers consume only what they can run.</summary>
public static class JobQueues
{
    public static readonly string[] Kinds = ["train", "evaluate", "deploy", "diagnostic"];
    public static readonly string[] HardwareClasses = ["cpu", "gpu"];

    public static string For(string kind, string hardwareClass) => $"jobs-{kind.ToLowerInvariant()}-{hardwareClass.ToLowerInvariant()}";
}
