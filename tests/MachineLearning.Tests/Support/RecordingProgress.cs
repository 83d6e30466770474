namespace Platform.MachineLearning.Tests.Support;

/// <summary>An IProgress that records events synchronously (Progress&lt;T&gt; posts them later on the thread pool).</summary>
public sealed class RecordingProgress<T> : IProgress<T>
{
    private readonly List<T> _events = [];

    public IReadOnlyList<T> Events => _events;

    public void Report(T value) => _events.Add(value);
}
