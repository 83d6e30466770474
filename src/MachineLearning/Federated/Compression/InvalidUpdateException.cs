namespace Platform.MachineLearning.Federated.Compression;

/// <summary>
/// Bytes that are not an update of the model: the one exception <see cref="UpdateEncoding.Decode"/> throws on untrusted
/// input. Its message is the reason in words a site's operator can act on (the Api answers it as a 400).
/// </summary>
public sealed class InvalidUpdateException : Exception
{
    public InvalidUpdateException(string reason)
        : base(reason)
    {
    }

    public InvalidUpdateException()
        : base("The bytes are not an update.")
    {
    }

    public InvalidUpdateException(string reason, Exception inner)
        : base(reason, inner)
    {
    }
}
