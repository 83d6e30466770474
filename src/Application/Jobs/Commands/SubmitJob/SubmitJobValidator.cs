using System.Text.Json;
using Platform.Contracts.Messages.Jobs;
using Platform.Domain.Artifacts;
using Platform.Domain.Jobs;

namespace Platform.Application.Jobs.Commands.SubmitJob;

public sealed class SubmitJobCommandValidator : AbstractValidator<SubmitJobCommand>
{
    public const int MaxParametersLength = 64 * 1024;
    public const int MaxTimeoutSeconds = 7 * 24 * 3600;

    public SubmitJobCommandValidator(IHyperparameterRules hyperparameters)
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.HardwareClass).IsInEnum();
        RuleFor(c => c.TimeoutSeconds).InclusiveBetween(1, MaxTimeoutSeconds);
        RuleFor(c => c.MaxAttempts).InclusiveBetween(1, 10);
        RuleFor(c => c.RunId).NotNull().When(c => c.Kind is JobKind.Train || (c.Kind is JobKind.Evaluate && !NamesModel(c.ParametersJson)))
            .WithMessage("is required for Train jobs, and for Evaluate jobs that name no registered model: the run gets the model, the metrics and the report");
        RuleFor(c => c.ParametersJson).Custom((json, context) =>
        {
            var problems = context.InstanceToValidate.Kind switch
            {
                JobKind.Train => TrainProblems(json ?? "{}", hyperparameters),
                JobKind.Evaluate => EvaluateProblems(json ?? "{}"),
                JobKind.Deploy => DeployJobParameters.Read(json ?? "{}").Problems,
                _ => [],
            };
            foreach (var (field, problem) in problems)
            {
                context.AddFailure($"parameters.{field}", problem);
            }
        }).When(c => c.ParametersJson is null || IsObject(c.ParametersJson));
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

    private static IReadOnlyList<(string Field, string Problem)> TrainProblems(string json, IHyperparameterRules rules)
    {
        var (parameters, problems) = TrainJobParameters.Read(json);
        if (parameters is null)
        {
            return problems;
        }

        return
        [
            .. ModelPathProblems(parameters.ModelPath),
            .. parameters.IsScript ? [] : rules.Check(parameters.Trainer!, parameters.HyperparameterTexts()).Select(p => ($"hyperparameters.{p.Name}", p.Problem)),
        ];
    }

    private static IReadOnlyList<(string Field, string Problem)> EvaluateProblems(string json)
    {
        var (parameters, problems) = EvaluateJobParameters.Read(json);
        return parameters is null ? problems : ModelPathProblems(parameters.ModelPath);
    }

    /// <summary>The model's place among the run's artefacts: a relative path such as <c>model.onnx</c> or <c>models/best.onnx</c>.</summary>
    private static IReadOnlyList<(string Field, string Problem)> ModelPathProblems(string modelPath) =>
        ArtifactPath.TryNormalize(modelPath, out _, out var error)
            ? []
            : [("modelPath", $"must be a relative artefact path of the run such as model.onnx ({error})")];

    private static bool NamesModel(string? json) =>
        json is not null && IsObject(json) && EvaluateJobParameters.Read(json).Value?.Model is not null;

    private static bool IsObject(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
