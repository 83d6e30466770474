using System.Text.RegularExpressions;
using Platform.Domain.Common;

namespace Platform.Domain.Registry;

/// <summary>
/// A name pointing at one version of a model (e.g. champion, challenger). One holder per alias: setting it on
/// another version moves it.
/// </summary>
public sealed partial class ModelAlias
{
    public const int MaxLength = 50;

    private ModelAlias()
    {
        Alias = string.Empty;
        SetBy = string.Empty;
    }

    public Guid ModelId { get; private set; }
    public string Alias { get; private set; }
    public Guid ModelVersionId { get; private set; }
    public string SetBy { get; private set; }
    public DateTimeOffset SetAt { get; private set; }

    /// <summary>Lower-case letters, digits, '-' and '_', starting with a letter: never mistaken for a version number.</summary>
    public static bool IsValid(string? alias) => alias is { Length: > 0 and <= MaxLength } && Shape().IsMatch(alias);

    public static ModelAlias Point(Guid modelId, string alias, ModelVersion version, string setBy, DateTimeOffset now)
    {
        if (!IsValid(alias))
        {
            throw new DomainException("model.alias-invalid", $"An alias is 1 to {MaxLength} lower-case letters, digits, '-' or '_', starting with a letter.");
        }

        if (version.ModelId != modelId)
        {
            throw new DomainException("model.alias-other-model", "An alias points at a version of its own model.");
        }

        return new ModelAlias { ModelId = modelId, Alias = alias, ModelVersionId = version.Id, SetBy = setBy, SetAt = now };
    }

    /// <summary>Moves the alias to another version of the same model.</summary>
    public void MoveTo(ModelVersion version, string setBy, DateTimeOffset now)
    {
        if (version.ModelId != ModelId)
        {
            throw new DomainException("model.alias-other-model", "An alias points at a version of its own model.");
        }

        (ModelVersionId, SetBy, SetAt) = (version.Id, setBy, now);
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]*$")]
    private static partial Regex Shape();
}
