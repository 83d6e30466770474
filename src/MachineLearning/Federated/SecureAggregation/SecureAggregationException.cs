namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>
/// A step of secure aggregation that cannot be taken: a malformed or inconsistent message, a ciphertext that does not
/// authenticate, too few sites or shares for the threshold, a request that would reveal what must stay hidden. The
/// message says which site and what, in words; the Api answers it as a 400 or 409 (the round's state decides which).
/// </summary>
public sealed class SecureAggregationException : Exception
{
    public SecureAggregationException(string message)
        : base(message)
    {
    }

    public SecureAggregationException()
        : base("A step of secure aggregation cannot be taken.")
    {
    }

    public SecureAggregationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
