namespace Platform.Serving.Protocol;

/// <summary>
/// A request that does not fit the model's schema: <see cref="Tensor"/> names the input (or record feature) at fault
/// (<c>null</c> when the body itself is malformed) and <see cref="Fault"/> says what is wrong, as one of the
/// constants below. Answered with 400 problem details.
/// </summary>
public sealed class InvalidInputException(string? tensor, string fault, string message, string? feature = null) : Exception(message)
{
    public const string Malformed = "malformed";
    public const string UnknownInput = "unknown_input";
    public const string MissingInput = "missing_input";
    public const string DuplicateInput = "duplicate_input";
    public const string Datatype = "datatype";
    public const string Shape = "shape";
    public const string ElementCount = "element_count";
    public const string NonNumeric = "non_numeric";
    public const string UnknownOutput = "unknown_output";

    public string? Tensor { get; } = tensor;

    public string Fault { get; } = fault;

    /// <summary>The record feature at fault, for the JSON-records endpoint.</summary>
    public string? Feature { get; } = feature;
}
