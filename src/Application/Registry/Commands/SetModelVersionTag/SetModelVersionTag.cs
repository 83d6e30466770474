using Platform.Domain.Registry;

namespace Platform.Application.Registry.Commands.SetModelVersionTag;

/// <summary>Sets a tag on a version (the version itself stays immutable; tags are notes about it).</summary>
[RequiresRole(Permissions.Track | Role.Operator)]
public sealed record SetModelVersionTagCommand(string Model, int Version, string Key, string Value) : ICommand<IReadOnlyDictionary<string, string>>;

public sealed class SetModelVersionTagCommandValidator : AbstractValidator<SetModelVersionTagCommand>
{
    public SetModelVersionTagCommandValidator()
    {
        RuleFor(c => c.Key).ValidTrackingKey();
        RuleFor(c => c.Value).NotNull().MaximumLength(ModelVersionTag.MaxValueLength);
    }
}

public sealed class SetModelVersionTagCommandHandler(IPlatformDbContext db) : ICommandHandler<SetModelVersionTagCommand, IReadOnlyDictionary<string, string>>
{
    public async ValueTask<IReadOnlyDictionary<string, string>> Handle(SetModelVersionTagCommand command, CancellationToken cancellationToken)
    {
        var (_, version) = await db.LoadVersionAsync(command.Model, command.Version, cancellationToken);
        var tag = await db.ModelVersionTags.SingleOrDefaultAsync(t => t.ModelVersionId == version.Id && t.Key == command.Key, cancellationToken);
        if (tag is null)
        {
            db.ModelVersionTags.Add(ModelVersionTag.Set(version.Id, command.Key, command.Value));
        }
        else
        {
            tag.Change(command.Value);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.TagsOfAsync(version.Id, cancellationToken);
    }
}
