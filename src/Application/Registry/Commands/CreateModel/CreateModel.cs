using Platform.Application.Datasets.Queries.GetDatasetVersion;
using Platform.Domain.Registry;

namespace Platform.Application.Registry.Commands.CreateModel;

/// <summary>Creates a registered model with a description (registering a first version also creates one).</summary>
[RequiresRole(Permissions.Track)]
public sealed record CreateModelCommand(string Name, string? Description) : ICommand<ModelDto>;

public sealed class CreateModelCommandValidator : AbstractValidator<CreateModelCommand>
{
    public CreateModelCommandValidator()
    {
        RuleFor(c => c.Name).ValidDatasetName();
        RuleFor(c => c.Description).MaximumLength(RegisteredModel.MaxDescriptionLength);
    }
}

public sealed class CreateModelCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateModelCommand, ModelDto>
{
    public async ValueTask<ModelDto> Handle(CreateModelCommand command, CancellationToken cancellationToken)
    {
        if (await db.RegisteredModels.AnyAsync(m => m.Name == command.Name, cancellationToken))
        {
            throw new ConflictException("model.exists", $"A model named '{command.Name}' exists already.");
        }

        var model = RegisteredModel.Create(command.Name, command.Description, user.Name, clock.GetUtcNow());
        db.RegisteredModels.Add(model);
        await db.SaveChangesAsync(cancellationToken);
        return ModelDto.From(model);
    }
}
