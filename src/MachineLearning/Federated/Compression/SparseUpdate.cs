namespace Platform.MachineLearning.Federated.Compression;

/// <summary>
/// An update of <paramref name="Length"/> weights of which only <paramref name="Indices"/> (strictly ascending) are
/// sent, with their <paramref name="Values"/>; the others are 0. Encoded (<see cref="UpdateEncoding"/>) it takes
/// 10 + 8k bytes with float32 values, 14 + 5k with int8.
/// </summary>
public sealed record SparseUpdate(int Length, int[] Indices, float[] Values)
{
    /// <summary>The dense update: the kept values at their indices, 0 elsewhere.</summary>
    public float[] ToDense()
    {
        var dense = new float[Length];
        for (var i = 0; i < Indices.Length; i++)
        {
            dense[Indices[i]] = Values[i];
        }

        return dense;
    }

    /// <summary>The kept values quantised to int8 with their own scale and stochastic rounding (<see cref="Int8Quantizer"/>).</summary>
    public QuantizedSparseUpdate Quantize(Random random)
    {
        var quantized = Int8Quantizer.Quantize(Values, random);
        return new QuantizedSparseUpdate(Length, Indices, quantized.Values, quantized.Scale);
    }
}

/// <summary>A <see cref="SparseUpdate"/> whose kept values are int8 at one scale (value ≈ byte × scale).</summary>
public sealed record QuantizedSparseUpdate(int Length, int[] Indices, sbyte[] Values, float Scale)
{
    public float[] ToDense()
    {
        var dense = new float[Length];
        for (var i = 0; i < Indices.Length; i++)
        {
            dense[Indices[i]] = Values[i] * Scale;
        }

        return dense;
    }
}
