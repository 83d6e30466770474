using System.Text.Json;

namespace Platform.Application.Common.Interfaces;

/// <summary>One part of a dataset version's recorded split, rebuilt from the file and the split's definition.</summary>
public interface IDatasetParts
{
    public static readonly string[] Names = ["train", "validation", "test"];

    /// <summary>Writes the rows of <paramref name="part"/> (train, validation or test) as CSV with the header, in file order.</summary>
    /// <exception cref="Exceptions.RequestValidationException">The version has no split recorded (uploaded before splits existed).</exception>
    Task WriteCsvAsync(Stream content, string format, JsonElement split, string part, Stream output, CancellationToken cancellationToken);
}
