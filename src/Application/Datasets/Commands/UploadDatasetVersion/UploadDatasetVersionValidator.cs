using FluentValidation;
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
    }
}
