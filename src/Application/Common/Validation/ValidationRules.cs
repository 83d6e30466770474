using Platform.Domain.Runs;

namespace Platform.Application.Common.Validation;

/// <summary>Rules shared by several validators.</summary>
public static class ValidationRules
{
    public static IRuleBuilderOptions<T, int?> ValidPageLimit<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, PageLimits.Max).WithMessage($"must be between 1 and {PageLimits.Max}");

    public static IRuleBuilderOptions<T, string> ValidTrackingKey<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(TrackingKey.IsValid).WithMessage(TrackingKey.Rule);
}
