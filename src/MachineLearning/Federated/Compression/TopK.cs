namespace Platform.MachineLearning.Federated.Compression;

/// <summary>
/// Top-k sparsification: a site sends only the k weights of largest magnitude (ties to the lower index), which for
/// k = 1 % of the weights cuts an update's bytes by about 50× (float32) or 80× (int8 values), at the cost of the
/// rest of it. Keeping the dropped part as a residual for the next round (error feedback) is the trainer's job.
/// Top-k does not combine with secure aggregation: the sites' kept indices differ, so their masked vectors would not add.
/// </summary>
public static class TopK
{
    /// <summary>The <paramref name="k"/> largest magnitudes of <paramref name="update"/>, indices ascending. O(n log k).</summary>
    public static SparseUpdate Sparsify(ReadOnlySpan<float> update, int k)
    {
        if (k < 0 || k > update.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k is from 0 to the update's {update.Length} weights.");
        }

        // A min-heap of the k best so far: its root is the weakest kept, which a stronger value replaces.
        var kept = new PriorityQueue<int, (float Magnitude, int NegatedIndex)>(k + 1);
        for (var i = 0; i < update.Length; i++)
        {
            var magnitude = float.IsFinite(update[i]) ? Math.Abs(update[i]) : throw new ArgumentException("An update must hold finite numbers only.", nameof(update));
            if (kept.Count < k)
            {
                kept.Enqueue(i, (magnitude, -i));
            }
            else if (k > 0 && kept.TryPeek(out _, out var weakest) && (magnitude, -i).CompareTo(weakest) > 0)
            {
                kept.EnqueueDequeue(i, (magnitude, -i));
            }
        }

        var indices = new int[kept.Count];
        for (var n = 0; kept.TryDequeue(out var index, out _); n++)
        {
            indices[n] = index;
        }

        Array.Sort(indices);
        var values = new float[indices.Length];
        for (var n = 0; n < indices.Length; n++)
        {
            values[n] = update[indices[n]];
        }

        return new SparseUpdate(update.Length, indices, values);
    }
}
