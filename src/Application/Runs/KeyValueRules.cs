using Platform.Domain.Runs;

namespace Platform.Application.Runs;

public static class RunParams
{
    public const int MaxPerRequest = 100;
}

internal static class KeyValueRules
{
    /// <summary>Every key a valid tracking key, every value within its limit, at most <paramref name="maxEntries"/>.</summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyDictionary<string, string>?> MustHaveValidEntries<T>(
        this IRuleBuilder<T, IReadOnlyDictionary<string, string>?> rule, int maxValueLength, int maxEntries) =>
        rule.Custom((entries, context) =>
        {
            if (entries is null)
            {
                return;
            }

            if (entries.Count > maxEntries)
            {
                context.AddFailure($"must hold at most {maxEntries} entries");
            }

            foreach (var (key, value) in entries)
            {
                if (!TrackingKey.IsValid(key))
                {
                    context.AddFailure($"{context.PropertyPath}.{key}", $"key {TrackingKey.Rule}");
                }
                else if (value is null || value.Length > maxValueLength)
                {
                    context.AddFailure($"{context.PropertyPath}.{key}", $"value must be present and at most {maxValueLength} characters");
                }
            }
        });
}
