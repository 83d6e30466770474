namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>
/// What the server announces for a round of secure aggregation and both sides hold to: the round's id (bound into every
/// key and ciphertext), the number of sites selected (a site's number is its position in the round's ordered list,
/// 0 … <see cref="Sites"/> − 1), the Shamir threshold t, the field and the model's weights.
/// The threshold is a majority at least (t &gt; n/2) and at most n; the ADR's choice is <see cref="DefaultThreshold"/>,
/// ⌈2n/3⌉. Every phase needs t sites still present, so a round survives the loss of up to n − t of them.
/// </summary>
public sealed record RoundParameters
{
    public RoundParameters(Guid round, int sites, int threshold, FieldWidth width, int length)
    {
        if (round == Guid.Empty)
        {
            throw new ArgumentException("A round has an id.", nameof(round));
        }

        var maxSites = width == FieldWidth.Bits16 ? FieldEncoding.Int8MaxSites : int.MaxValue;
        if (sites < 2 || sites > maxSites)
        {
            throw new ArgumentOutOfRangeException(nameof(sites), sites, $"A round of secure aggregation in {width} has 2 to {maxSites} sites.");
        }

        if (threshold <= sites / 2 || threshold > sites)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"The threshold of {sites} sites is a majority, {(sites / 2) + 1} to {sites}.");
        }

        if (length < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A model has at least one weight.");
        }

        (Round, Sites, Threshold, Width, Length, VectorBytes) = (round, sites, threshold, width, length, width.BytesFor(length));
    }

    public Guid Round { get; }

    public int Sites { get; }

    public int Threshold { get; }

    public FieldWidth Width { get; }

    public int Length { get; }

    /// <summary>The bytes of one masked vector (and of the server's running sum): 2 or 4 per weight.</summary>
    public int VectorBytes { get; }

    /// <summary>The ADR's threshold for <paramref name="sites"/> sites: ⌈2n/3⌉.</summary>
    public static int DefaultThreshold(int sites) => ((2 * sites) + 2) / 3;
}
