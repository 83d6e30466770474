namespace Platform.MachineLearning.Federated.Privacy;

/// <summary>
/// L2 clipping (docs/decisions/ADR-009): a site scales its update down to norm at most the plan's clip C before it is
/// noised, quantised or masked, so that one site changes the round's sum by at most C — the sensitivity that the
/// Gaussian noise and the <see cref="RdpAccountant"/> are calibrated to.
/// </summary>
public static class UpdateClipping
{
    /// <summary>
    /// Scales <paramref name="update"/> in place so that its L2 norm is at most <paramref name="clip"/> (an update already
    /// within it is left as it is) and returns its norm before clipping, for the round's metrics. The norm is summed in
    /// double; after scaling it is checked again, because float rounding of the scaled values could leave it a hair over.
    /// </summary>
    public static double ClipL2(Span<float> update, double clip)
    {
        if (!double.IsFinite(clip) || clip <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(clip), clip, "The clip is a positive finite number.");
        }

        var norm = Norm(update);
        if (!double.IsFinite(norm))
        {
            throw new ArgumentException("An update must hold finite numbers only.", nameof(update));
        }

        var (current, shrink) = (norm, 1.0);
        while (current > clip)
        {
            var factor = (float)(clip / current * shrink);
            foreach (ref var value in update)
            {
                value *= factor;
            }

            (current, shrink) = (Norm(update), shrink * (1 - 1e-7));
        }

        return norm;
    }

    /// <summary>The L2 norm, summed in double.</summary>
    public static double Norm(ReadOnlySpan<float> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += (double)value * value;
        }

        return Math.Sqrt(sum);
    }
}
