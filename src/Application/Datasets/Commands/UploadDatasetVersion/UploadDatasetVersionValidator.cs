using Platform.Application.Datasets.Queries.GetDatasetVersion;

namespace Platform.Application.Datasets.Commands.UploadDatasetVersion;

public sealed class UploadDatasetVersionCommandValidator : AbstractValidator<UploadDatasetVersionCommand>
{
    public UploadDatasetVersionCommandValidator()
    {
        RuleFor(c => c.Name).ValidDatasetName();
        RuleFor(c => c.Format).Must(f => DatasetFormats.All.Contains(f))
            .WithMessage($"must be one of: {string.Join(", ", DatasetFormats.All)} (from the Content-Type, or ?format=)");
        RuleFor(c => c.ContentLength).GreaterThan(0).WithName("content").WithMessage("the file is empty");
        RuleFor(c => c.Split.Seed).GreaterThanOrEqualTo(0).OverridePropertyName("splitSeed");
        RuleFor(c => c.Split.ValidationFraction).InclusiveBetween(0, 0.9).OverridePropertyName("validationFraction");
        RuleFor(c => c.Split.TestFraction).InclusiveBetween(0, 0.9).OverridePropertyName("testFraction");
        RuleFor(c => c.Split).Must(s => s.ValidationFraction + s.TestFraction < 1).OverridePropertyName("testFraction")
            .WithMessage("validation and test fractions must leave rows for training (their sum must be below 1)");
        RuleFor(c => c.Split.Column).Must(c => c is null || (c.Trim().Length > 0 && c.Length <= 200)).OverridePropertyName("splitColumn")
            .WithMessage("must name a column (1 to 200 characters)");
    }
}
