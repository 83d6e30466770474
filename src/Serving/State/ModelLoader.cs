using Microsoft.Extensions.Options;
using Platform.MachineLearning.Evaluation;
using Platform.Serving.Batching;
using Platform.Serving.Models;
using Platform.Serving.Telemetry;

namespace Platform.Serving.State;

/// <summary>Reads a model version's ONNX file and creates its session on the configured execution provider, logging any fallback.</summary>
public sealed class ModelLoader(IOptions<ServingOptions> options, IHostEnvironment environment, ServingMetrics metrics, ILogger<LoadedModel> logger)
{
    private readonly ServingOptions _options = options.Value;

    public async Task<LoadedModel> LoadAsync(string endpoint, VersionSpec version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var path = Path.GetFullPath(version.ModelPath, _options.ModelRoot ?? environment.ContentRootPath);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var evaluation = new EvaluationOptions
        {
            ExecutionProvider = _options.ExecutionProvider,
            CudaDeviceId = _options.CudaDeviceId,
            IntraOpThreads = _options.IntraOpThreads,
        };
        var (session, provider) = await Task.Run(() => OnnxSessionFactory.Create(bytes, evaluation), cancellationToken).ConfigureAwait(false);
        if (provider.FallbackReason is { } reason)
        {
            logger.LogWarning("{Endpoint} version {Version} runs on the CPU: {Reason}", endpoint, version.Version, reason);
        }

        var batching = new BatchingOptions(Math.Max(1, _options.MaxBatchSize), TimeSpan.FromMilliseconds(Math.Max(0, _options.MaxBatchDelayMilliseconds)));
        var model = new LoadedModel(endpoint, version.Version, path, session, provider, batching, metrics, logger, Math.Max(0, _options.SampleSize));
        logger.LogInformation(
            "Loaded {Endpoint} version {Version} from {Path} on {Provider} (batching: {Batching})",
            endpoint, version.Version, path, provider.Used, model.Schema.IsBatchable);
        return model;
    }
}
