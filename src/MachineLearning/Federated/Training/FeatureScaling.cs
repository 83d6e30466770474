using Platform.MachineLearning.Training.Model;

namespace Platform.MachineLearning.Federated.Training;

/// <summary>
/// The federated model's preprocessing, applied on every site before training and inside the exported ONNX graph:
/// y = (x − offset) · scale, where a missing x (NaN) is first replaced by its imputation mean. The server builds it
/// from the sites' <see cref="ColumnSummary"/>s (<see cref="Merge"/>), so it never sees a row.
/// </summary>
public sealed record FeatureScaling(float[] ImputationMeans, float[] Offset, float[] Scale)
{
    public float[] ImputationMeans { get; } = ImputationMeans ?? throw new ArgumentNullException(nameof(ImputationMeans));

    public float[] Offset { get; } = Offset?.Length == ImputationMeans.Length
        ? Offset
        : throw new ArgumentException("The offsets must have one value per feature, as the imputation means do.", nameof(Offset));

    public float[] Scale { get; } = Scale?.Length == ImputationMeans.Length
        ? Scale
        : throw new ArgumentException("The scales must have one value per feature, as the imputation means do.", nameof(Scale));

    public int Features => ImputationMeans.Length;

    /// <summary>The scaling of one site's columns (or of summaries already merged): <see cref="Merge"/> of one site.</summary>
    public static FeatureScaling FromColumnSummaries(IReadOnlyList<ColumnSummary> columns) => Merge([columns]);

    /// <summary>
    /// Min-max normalisation to [0, 1] over all sites' values, per column: the global min and max, and as the imputation
    /// mean the mean of the present values (each site's mean weighted by its present count). A constant column
    /// (min = max) keeps scale 1, so its one value maps to 0 and another value keeps its distance from it instead of
    /// being blown up; a column with no value anywhere imputes 0, with offset 0 and scale 1.
    /// </summary>
    public static FeatureScaling Merge(IReadOnlyList<IReadOnlyList<ColumnSummary>> perSite)
    {
        ArgumentNullException.ThrowIfNull(perSite);
        if (perSite.Count == 0)
        {
            throw new ArgumentException("Scaling needs the column summaries of at least one site.", nameof(perSite));
        }

        var features = perSite[0].Count;
        if (features == 0 || perSite.Any(site => site.Count != features))
        {
            throw new ArgumentException($"Every site must summarise the same columns, at least one ({features} at the first site).", nameof(perSite));
        }

        var (means, offsets, scales) = (new float[features], new float[features], new float[features]);
        for (var f = 0; f < features; f++)
        {
            long present = 0;
            double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
            foreach (var site in perSite)
            {
                var column = site[f];
                column.Check(nameof(perSite));
                if (column.Present == 0)
                {
                    continue;
                }

                (present, min, max, sum) = (present + column.Present, Math.Min(min, column.Min), Math.Max(max, column.Max), sum + (column.Present * column.Mean));
            }

            means[f] = present == 0 ? 0 : (float)(sum / present);
            offsets[f] = present == 0 ? 0 : (float)min;
            scales[f] = present == 0 || max == min ? 1 : (float)(1 / (max - min));
        }

        return new FeatureScaling(means, offsets, scales);
    }

    /// <summary>The scaled row; a NaN is imputed first.</summary>
    public float[] Apply(ReadOnlySpan<float> row)
    {
        if (row.Length != Features)
        {
            throw new ArgumentException($"The row has {row.Length} values; the scaling is of {Features} features.", nameof(row));
        }

        var result = new float[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            var value = float.IsNaN(row[i]) ? ImputationMeans[i] : row[i];
            result[i] = (value - Offset[i]) * Scale[i];
        }

        return result;
    }

    /// <summary>The same computation as the ONNX graph's Imputer and Scaler nodes take it.</summary>
    internal Preprocessing ToPreprocessing() => new(ImputationMeans, Scale, Offset);
}
