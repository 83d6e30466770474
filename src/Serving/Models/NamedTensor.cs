namespace Platform.Serving.Models;

/// <summary>
/// A tensor in row-major order: <see cref="Data"/> is a <c>float[]</c>, <c>double[]</c>, <c>int[]</c>, <c>long[]</c>,
/// <c>bool[]</c> or <c>string[]</c> (per <see cref="Datatype"/>) with exactly as many elements as <see cref="Shape"/> says.
/// </summary>
public sealed record NamedTensor(string Name, TensorDatatype Datatype, long[] Shape, Array Data)
{
    /// <summary>Rows along the first dimension (1 for a scalar).</summary>
    public int Rows => Shape.Length == 0 ? 1 : (int)Shape[0];

    public static long ElementCount(ReadOnlySpan<long> shape)
    {
        long count = 1;
        foreach (var dimension in shape)
        {
            count *= dimension;
        }

        return count;
    }
}
