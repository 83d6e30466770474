using System.Text.Json;
using FluentValidation;
using Platform.Contracts.Messages.Jobs;
using Platform.Domain.Jobs;

namespace Platform.Application.Jobs.Commands.SubmitJob;

public sealed class SubmitJobCommandValidator : AbstractValidator<SubmitJobCommand>
{
    public const int MaxParametersLength = 64 * 1024;
    public const int MaxTimeoutSeconds = 7 * 24 * 3600;

    public SubmitJobCommandValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.HardwareClass).IsInEnum();
        RuleFor(c => c.TimeoutSeconds).InclusiveBetween(1, MaxTimeoutSeconds);
        RuleFor(c => c.MaxAttempts).InclusiveBetween(1, 10);
        RuleFor(c => c.ParametersJson).MaximumLength(MaxParametersLength).Custom((json, context) =>
        {
            if (json is null)
            {
                return;
            }

            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    context.AddFailure("must be a JSON object");
                    return;
                }

                if (context.InstanceToValidate.Kind == JobKind.Diagnostic)
                {
                    foreach (var (field, problem) in DiagnosticJobParameters.Validate(json))
                    {
                        context.AddFailure($"parameters.{field}", problem);
                    }
                }
            }
            catch (JsonException e)
            {
                context.AddFailure("is not valid JSON: " + e.Message);
            }
        });
    }
}
