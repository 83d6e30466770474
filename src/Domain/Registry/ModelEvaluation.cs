using Platform.Domain.Common;

namespace Platform.Domain.Registry;

/// <summary>
/// An evaluation report of a model version on one part of a dataset version (by name, number and content hash), as
/// an Evaluate job produced it: headline metrics (for comparing versions and for gates) and the whole report.
/// </summary>
public sealed class ModelEvaluation
{
    private ModelEvaluation()
    {
        DatasetName = string.Empty;
        DatasetSha256 = string.Empty;
        Split = string.Empty;
        MetricsJson = string.Empty;
        ReportJson = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid ModelVersionId { get; private set; }
    public string DatasetName { get; private set; }
    public int DatasetVersion { get; private set; }
    public string DatasetSha256 { get; private set; }
    public string Split { get; private set; }
    public string MetricsJson { get; private set; }
    public string ReportJson { get; private set; }
    public Guid JobId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static ModelEvaluation Record(
        Guid modelVersionId, string datasetName, int datasetVersion, string datasetSha256, string split, string metricsJson, string reportJson,
        Guid jobId, DateTimeOffset now) => new()
    {
        Id = Ids.New(),
        ModelVersionId = modelVersionId,
        DatasetName = datasetName,
        DatasetVersion = datasetVersion,
        DatasetSha256 = datasetSha256,
        Split = split,
        MetricsJson = metricsJson,
        ReportJson = reportJson,
        JobId = jobId,
        CreatedAt = now,
    };
}
