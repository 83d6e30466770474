namespace Platform.Domain.Registry;

/// <summary>A key/value tag on a model version (e.g. <c>team=fraud</c>); tags may change, the version itself never does.</summary>
public sealed class ModelVersionTag
{
    public const int MaxKeyLength = 250;
    public const int MaxValueLength = 5000;

    private ModelVersionTag()
    {
        Key = string.Empty;
        Value = string.Empty;
    }

    public Guid ModelVersionId { get; private set; }
    public string Key { get; private set; }
    public string Value { get; private set; }

    public static ModelVersionTag Set(Guid modelVersionId, string key, string value) => new() { ModelVersionId = modelVersionId, Key = key, Value = value };

    public void Change(string value) => Value = value;
}
