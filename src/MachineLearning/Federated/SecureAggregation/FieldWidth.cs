namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>
/// The ring Z/2^w that masked vectors live in (docs/decisions/ADR-009). 32 bits carries float32 updates in fixed point
/// (<see cref="FixedPoint"/>); 16 bits carries int8 updates quantised at the round's scale, so a masked vector costs 2
/// bytes a weight instead of 4. On the wire and in the server's running sum a vector is its elements in little-endian
/// order, <see cref="FieldWidthExtensions.BytesPerElement"/> bytes each.
/// </summary>
public enum FieldWidth
{
    Bits16 = 16,
    Bits32 = 32,
}

/// <summary>What a <see cref="FieldWidth"/> implies for sizes.</summary>
public static class FieldWidthExtensions
{
    /// <summary>2 for <see cref="FieldWidth.Bits16"/>, 4 for <see cref="FieldWidth.Bits32"/>.</summary>
    public static int BytesPerElement(this FieldWidth width) => width switch
    {
        FieldWidth.Bits16 => 2,
        FieldWidth.Bits32 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(width), width, "A field is 16 or 32 bits wide."),
    };

    /// <summary>The bytes a vector of <paramref name="length"/> elements takes.</summary>
    public static int BytesFor(this FieldWidth width, int length) =>
        length >= 0 && (long)length * width.BytesPerElement() <= Array.MaxLength
            ? length * width.BytesPerElement()
            : throw new ArgumentOutOfRangeException(nameof(length), length, "A vector's length is at least 0 and fits in one array.");
}
