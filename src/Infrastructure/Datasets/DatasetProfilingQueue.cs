using System.Collections.Concurrent;
using System.Threading.Channels;
using Platform.Application.Common.Interfaces;

namespace Platform.Infrastructure.Datasets;

/// <summary>The queue of versions waiting for <see cref="DatasetProfilingService"/>, and the progress of the one it reads.</summary>
internal sealed class DatasetProfilingQueue : IDatasetProfilingQueue
{
    private readonly Channel<Guid> _waiting = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, long> _read = new();

    public ChannelReader<Guid> Waiting => _waiting.Reader;

    public void Enqueue(Guid datasetVersionId) => _waiting.Writer.TryWrite(datasetVersionId);

    public void ReportRead(Guid datasetVersionId, long bytes) => _read[datasetVersionId] = bytes;

    public long? BytesRead(Guid datasetVersionId) => _read.TryGetValue(datasetVersionId, out var bytes) ? bytes : null;

    public void Forget(Guid datasetVersionId) => _read.TryRemove(datasetVersionId, out _);
}
