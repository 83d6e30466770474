namespace Platform.Application.Users;

public static class PasswordRules
{
    public const int MinLength = 12;

    public static IRuleBuilderOptions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .MinimumLength(MinLength).WithMessage($"must be at least {MinLength} characters")
            .MaximumLength(1024);
}
