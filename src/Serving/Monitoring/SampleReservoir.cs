using Platform.Serving.Models;

namespace Platform.Serving.Monitoring;

/// <summary>
/// A uniform sample of at most <c>capacity</c> served rows (reservoir sampling, algorithm R): each row's feature values
/// and its outputs as numbers. Offering a row costs an interlocked increment and, once the reservoir is full, a random
/// draw; only rows that are kept are copied.
/// </summary>
public sealed class SampleReservoir(int capacity)
{
    private readonly Lock _lock = new();
    private float[]?[] _inputs = new float[Math.Max(0, capacity)][];
    private double[]?[] _outputs = new double[Math.Max(0, capacity)][];
    private long _seen;

    /// <summary>Rows held now.</summary>
    public int Count => (int)Math.Min(Volatile.Read(ref _seen), _inputs.Length);

    public void Offer(ReadOnlySpan<float> features, NamedTensor[] outputs, int row)
    {
        if (_inputs.Length == 0)
        {
            return;
        }

        var seen = Interlocked.Increment(ref _seen);
        var slot = seen <= _inputs.Length ? seen - 1 : Random.Shared.NextInt64(seen);
        if (slot >= _inputs.Length)
        {
            return;
        }

        var input = features.ToArray();
        var output = OutputValues(outputs, row);
        lock (_lock)
        {
            _inputs[slot] = input;
            _outputs[slot] = output;
        }
    }

    /// <summary>The rows held, and an empty reservoir from now on (each drift check reads the rows since the last).</summary>
    public SampledRows Take()
    {
        lock (_lock)
        {
            var inputs = _inputs.Where(r => r is not null).ToArray();
            var outputs = _outputs.Where(r => r is not null).ToArray();
            _inputs = new float[_inputs.Length][];
            _outputs = new double[_outputs.Length][];
            Interlocked.Exchange(ref _seen, 0);
            return new SampledRows(inputs!, outputs!);
        }
    }

    /// <summary>Every output's values for one row, flattened, as numbers (labels and booleans included).</summary>
    private static double[] OutputValues(NamedTensor[] outputs, int row)
    {
        var values = new List<double>();
        foreach (var output in outputs)
        {
            var perRow = output.Rows == 0 ? 0 : output.Data.Length / output.Rows;
            for (var i = row * perRow; i < (row + 1) * perRow && i < output.Data.Length; i++)
            {
                values.Add(output.Data switch
                {
                    float[] f => f[i],
                    double[] d => d[i],
                    long[] l => l[i],
                    int[] n => n[i],
                    bool[] b => b[i] ? 1 : 0,
                    _ => double.NaN,
                });
            }
        }

        return [.. values];
    }
}

/// <summary>Sampled rows: feature values in the model's feature order, and the outputs each row got.</summary>
public sealed record SampledRows(float[][] Inputs, double[][] Outputs);
