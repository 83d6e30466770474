namespace Platform.MachineLearning.Training.Model;

/// <summary>
/// Feature preprocessing fitted on the training split: missing values replaced by the training mean,
/// then, for linear models, the affine normalisation y = (x − offset) · scale.
/// </summary>
internal sealed record Preprocessing(float[] ImputationMeans, float[]? Scale, float[]? Offset)
{
    public float[] Apply(ReadOnlySpan<float> row)
    {
        var result = new float[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            var value = float.IsNaN(row[i]) ? ImputationMeans[i] : row[i];
            result[i] = Scale is null ? value : (value - Offset![i]) * Scale[i];
        }

        return result;
    }

    /// <summary>Per-feature mean of the non-missing training values (0 for a feature with none), as ML.NET's mean imputation computes it.</summary>
    public static float[] MeansOf(float[][] rows, int featureCount)
    {
        var means = new float[featureCount];
        for (var f = 0; f < featureCount; f++)
        {
            var sum = 0.0;
            var count = 0;
            foreach (var row in rows)
            {
                if (!float.IsNaN(row[f]))
                {
                    sum += row[f];
                    count++;
                }
            }

            means[f] = count == 0 ? 0 : (float)(sum / count);
        }

        return means;
    }
}
