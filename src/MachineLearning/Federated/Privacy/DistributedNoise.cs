namespace Platform.MachineLearning.Federated.Privacy;

/// <summary>
/// Central DP's noise split across the sites for secure aggregation (docs/decisions/ADR-009): the server never sees a
/// single update, so it cannot add N(0, (zC)²) to the sum itself. Instead each site adds N(0, (zC)² / n) to its clipped
/// update before quantising and masking, and the sum of n sites' independent noise is N(0, (zC)²).
/// <para>
/// n is the round's quorum n_min, the fewest sites whose updates a round aggregates (it does not close with fewer). So
/// the noise in any aggregated sum is at least the (zC)² the accountant assumes; when more sites than the quorum make
/// it, the sum carries more noise than needed (variance (zC)²·survivors/n_min) — privacy is kept, some accuracy is lost.
/// A site's own noise protects nobody from that site: sites that collude with the server learn their share of the
/// noise and leave the others' (zC)²·(n − colluders)/n; that is outside the semi-honest model the ADR assumes.
/// </para>
/// </summary>
public static class DistributedNoise
{
    /// <summary>Each site's standard deviation, zC/√n, for noise multiplier z, clip C and the round's quorum n.</summary>
    public static double SiteStandardDeviation(double noiseMultiplier, double clip, int quorum)
    {
        if (!double.IsFinite(noiseMultiplier) || noiseMultiplier < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(noiseMultiplier), noiseMultiplier, "The noise multiplier is a finite number, at least 0.");
        }

        if (!double.IsFinite(clip) || clip <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(clip), clip, "The clip is a positive finite number.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(quorum, 1);
        return noiseMultiplier * clip / Math.Sqrt(quorum);
    }
}
