namespace Platform.Application.Common.Behaviours;

/// <summary>Turns a validator's property path (<c>Metrics[3].Value</c>) into the JSON field path clients send (<c>metrics[3].value</c>).</summary>
public static class FieldPath
{
    public static string ToCamelCase(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment =>
            segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
