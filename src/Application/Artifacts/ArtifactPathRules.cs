using Platform.Domain.Artifacts;

namespace Platform.Application.Artifacts;

internal static class ArtifactPathRules
{
    public static IRuleBuilderOptionsConditions<T, string> ValidArtifactPath<T>(this IRuleBuilder<T, string> rule) =>
        rule.Custom((path, context) =>
        {
            if (!ArtifactPath.TryNormalize(path, out _, out var error))
            {
                context.AddFailure(error);
            }
        });

    public static string Normalize(string path) =>
        ArtifactPath.TryNormalize(path, out var normalized, out var error)
            ? normalized
            : throw Common.Exceptions.RequestValidationException.For("path", error);
}
