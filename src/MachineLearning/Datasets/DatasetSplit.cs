namespace Platform.MachineLearning.Datasets;

/// <summary>Row indices (0-based, ascending) of the training, validation and test parts of a dataset.</summary>
public sealed record DatasetSplit(IReadOnlyList<int> Train, IReadOnlyList<int> Validation, IReadOnlyList<int> Test);
