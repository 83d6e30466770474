using Platform.Domain.Artifacts;

namespace Platform.Application.Artifacts.Queries.ListArtifacts;

public sealed class ListArtifactsQueryValidator : AbstractValidator<ListArtifactsQuery>
{
    public ListArtifactsQueryValidator()
    {
        RuleFor(q => q.Limit).ValidPageLimit();
        RuleFor(q => q.Prefix).MaximumLength(ArtifactPath.MaxLength);
    }
}
