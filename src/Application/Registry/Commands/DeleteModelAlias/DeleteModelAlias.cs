namespace Platform.Application.Registry.Commands.DeleteModelAlias;

[RequiresRole(Permissions.Track | Role.Operator)]
public sealed record DeleteModelAliasCommand(string Model, string Alias) : ICommand;

public sealed class DeleteModelAliasCommandHandler(IPlatformDbContext db) : ICommandHandler<DeleteModelAliasCommand>
{
    public async ValueTask<Unit> Handle(DeleteModelAliasCommand command, CancellationToken cancellationToken)
    {
        var model = await db.LoadModelAsync(command.Model, cancellationToken);
        var alias = await db.ModelAliases.SingleOrDefaultAsync(a => a.ModelId == model.Id && a.Alias == command.Alias, cancellationToken)
            ?? throw new NotFoundException("Alias", $"{command.Alias} of {command.Model}");
        db.ModelAliases.Remove(alias);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
