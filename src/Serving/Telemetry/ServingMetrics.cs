using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.Serving.Telemetry;

/// <summary>
/// The serving meter (<see cref="MeterName"/>): per model version, requests, errors (tagged <c>error.type</c>:
/// <c>invalid_input</c> for a 400, <c>inference</c> for a failed run), request latency and micro-batch sizes.
/// </summary>
public sealed class ServingMetrics
{
    public const string MeterName = "Platform.Serving";
    public const string InvalidInput = "invalid_input";
    public const string InferenceFailed = "inference";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _duration;
    private readonly Histogram<int> _batchRows;

    public ServingMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("platform.serving.requests", "{request}", "Inference requests routed to a model version.");
        _errors = meter.CreateCounter<long>("platform.serving.errors", "{request}", "Inference requests that failed, by error.type.");
        _duration = meter.CreateHistogram(
            "platform.serving.request.duration",
            "s",
            "Time from routing to the response being written, per model version.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1] });
        _batchRows = meter.CreateHistogram<int>("platform.serving.batch.rows", "{row}", "Rows per ONNX Runtime call.");
    }

    public void Served(string model, string version, double seconds)
    {
        var tags = Tags(model, version);
        _requests.Add(1, tags);
        _duration.Record(seconds, tags);
    }

    public void Failed(string model, string version, string errorType, double seconds)
    {
        var tags = Tags(model, version);
        _requests.Add(1, tags);
        _duration.Record(seconds, tags);
        tags.Add("error.type", errorType);
        _errors.Add(1, tags);
    }

    public void Batched(string model, string version, int rows) => _batchRows.Record(rows, Tags(model, version));

    private static TagList Tags(string model, string version) => new() { { "model.name", model }, { "model.version", version } };
}
