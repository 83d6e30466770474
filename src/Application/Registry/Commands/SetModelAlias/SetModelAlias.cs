using Platform.Domain.Registry;

namespace Platform.Application.Registry.Commands.SetModelAlias;

/// <summary>Points an alias at a version (moving it from the version that held it).</summary>
[RequiresRole(Permissions.Track | Role.Operator)]
public sealed record SetModelAliasCommand(string Model, string Alias, int Version) : ICommand<ModelAliasDto>;

public sealed class SetModelAliasCommandValidator : AbstractValidator<SetModelAliasCommand>
{
    public SetModelAliasCommandValidator()
    {
        RuleFor(c => c.Alias).Must(ModelAlias.IsValid)
            .WithMessage($"must be 1 to {ModelAlias.MaxLength} lower-case letters, digits, '-' or '_', starting with a letter");
        RuleFor(c => c.Version).GreaterThan(0);
    }
}

public sealed class SetModelAliasCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SetModelAliasCommand, ModelAliasDto>
{
    public async ValueTask<ModelAliasDto> Handle(SetModelAliasCommand command, CancellationToken cancellationToken)
    {
        var (model, version) = await db.LoadVersionAsync(command.Model, command.Version, cancellationToken);
        var alias = await db.ModelAliases.SingleOrDefaultAsync(a => a.ModelId == model.Id && a.Alias == command.Alias, cancellationToken);
        if (alias is null)
        {
            alias = ModelAlias.Point(model.Id, command.Alias, version, user.Name, clock.GetUtcNow());
            db.ModelAliases.Add(alias);
        }
        else
        {
            alias.MoveTo(version, user.Name, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ModelAliasDto(model.Name, alias.Alias, version.Number, alias.SetBy, alias.SetAt);
    }
}
