namespace Platform.MachineLearning.Training;

/// <summary>Checks that a <see cref="TrainingRequest"/>'s data fit its task before anything is trained.</summary>
internal static class TrainingRequestValidator
{
    public static void Validate(TrainingRequest request)
    {
        var training = request.Training;
        if (training.RowCount == 0)
        {
            throw new ArgumentException("The training split has no rows.", nameof(request));
        }

        if (training.FeatureNames.Count + training.CategoricalNames.Count == 0)
        {
            throw new ArgumentException("The training data has no feature columns.", nameof(request));
        }

        var expectedClasses = request.Task switch
        {
            TrainingTask.Regression => training.Classes.Count == 0,
            TrainingTask.BinaryClassification => training.Classes.Count == 2,
            _ => training.Classes.Count >= 2,
        };
        if (!expectedClasses)
        {
            throw new ArgumentException($"{request.Task} cannot use data with {training.Classes.Count} classes.", nameof(request));
        }

        foreach (var (name, table) in new[] { ("training", training), ("validation", request.Validation) })
        {
            if (table is null)
            {
                continue;
            }

            if (!table.FeatureNames.SequenceEqual(training.FeatureNames) || !table.CategoricalNames.SequenceEqual(training.CategoricalNames)
                || !table.Classes.SequenceEqual(training.Classes))
            {
                throw new ArgumentException($"The {name} split's features or classes differ from the training split's.", nameof(request));
            }

            if (table.Rows.Any(row => row.Length != training.FeatureNames.Count))
            {
                throw new ArgumentException($"A {name} row does not have {training.FeatureNames.Count} features.", nameof(request));
            }
        }
    }
}
