namespace Platform.Application.Artifacts.Queries.GetArtifact;

public sealed class GetArtifactQueryValidator : AbstractValidator<GetArtifactQuery>
{
    public GetArtifactQueryValidator()
    {
        RuleFor(q => q.Path).ValidArtifactPath();
    }
}
