namespace Platform.Application.Registry;

public sealed record ModelComparisonDto(
    string Model, string Dataset, int DatasetVersion, string Split, ModelEvaluationDto This, ModelEvaluationDto Other, IReadOnlyDictionary<string, double> Difference);
