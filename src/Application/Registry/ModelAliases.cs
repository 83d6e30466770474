using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;
using Platform.Domain.Registry;

namespace Platform.Application.Registry;

public sealed record ModelAliasDto(string Model, string Alias, int Version, string SetBy, DateTimeOffset SetAt);

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

/// <summary>A model's aliases and the versions they point at (a model has a handful: not paged).</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListModelAliasesQuery(string Model) : IQuery<IReadOnlyList<ModelAliasDto>>;

public sealed class ListModelAliasesQueryHandler(IPlatformDbContext db) : IQueryHandler<ListModelAliasesQuery, IReadOnlyList<ModelAliasDto>>
{
    public async ValueTask<IReadOnlyList<ModelAliasDto>> Handle(ListModelAliasesQuery query, CancellationToken cancellationToken)
    {
        var model = await db.LoadModelAsync(query.Model, cancellationToken);
        var aliases = await db.ModelAliases.AsNoTracking().Where(a => a.ModelId == model.Id)
            .Join(db.ModelVersions, a => a.ModelVersionId, v => v.Id, (a, v) => new { a.Alias, v.Number, a.SetBy, a.SetAt })
            .ToListAsync(cancellationToken);
        return [.. aliases.OrderBy(a => a.Alias, StringComparer.Ordinal).Select(a => new ModelAliasDto(model.Name, a.Alias, a.Number, a.SetBy, a.SetAt))];
    }
}
