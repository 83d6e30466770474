namespace Platform.Application.Artifacts.Commands.UploadArtifact;

public sealed class UploadArtifactCommandValidator : AbstractValidator<UploadArtifactCommand>
{
    public UploadArtifactCommandValidator()
    {
        RuleFor(c => c.Path).ValidArtifactPath();
        RuleFor(c => c.ContentLength).GreaterThanOrEqualTo(0);
    }
}
