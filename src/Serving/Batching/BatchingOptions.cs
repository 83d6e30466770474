namespace Platform.Serving.Batching;

/// <summary>How a model version's micro-batches are formed.</summary>
/// <param name="MaxBatchSize">Most rows in one ONNX Runtime call; a larger request runs alone.</param>
/// <param name="MaxBatchDelay">
/// How long a batch that is not full waits for more rows after the queue runs dry. Zero: a batch is whatever queued up
/// while the previous one ran (no added latency). The wait yields to the thread pool rather than sleeping, so keep it
/// under a millisecond or so.
/// </param>
public sealed record BatchingOptions(int MaxBatchSize, TimeSpan MaxBatchDelay);
