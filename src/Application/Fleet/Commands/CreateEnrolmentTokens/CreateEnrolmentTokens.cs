using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.Commands.CreateEnrolmentTokens;

/// <summary>
/// A batch of one-time enrolment tokens (Operator), for provisioning many devices at once (a production line, a site's
/// roll-out): each token is for one device, as with <see cref="CreateEnrolmentToken.CreateEnrolmentTokenCommand"/>, with the same name,
/// labels and expiry; their secrets are in this answer only. One save and one audit event for the batch.
/// </summary>
[RequiresRole(Role.Operator)]
public sealed record CreateEnrolmentTokensCommand(string? Name, IReadOnlyDictionary<string, string>? Labels, int? ExpiresInHours, int? Count)
    : ICommand<CreatedEnrolmentTokenBatchDto>
{
    public const int MaxCount = 1000;
}

public sealed class CreateEnrolmentTokensCommandValidator : AbstractValidator<CreateEnrolmentTokensCommand>
{
    public CreateEnrolmentTokensCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(EnrolmentToken.MaxNameLength);
        RuleFor(c => c.Labels).ValidLabels();
        RuleFor(c => c.ExpiresInHours).InclusiveBetween(1, EnrolmentSecrets.MaxHours);
        RuleFor(c => c.Count).NotNull().WithMessage($"must say how many tokens to make, 1 to {CreateEnrolmentTokensCommand.MaxCount}")
            .InclusiveBetween(1, CreateEnrolmentTokensCommand.MaxCount).WithMessage($"must be 1 to {CreateEnrolmentTokensCommand.MaxCount} tokens");
    }
}

public sealed class CreateEnrolmentTokensCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateEnrolmentTokensCommand, CreatedEnrolmentTokenBatchDto>
{
    public async ValueTask<CreatedEnrolmentTokenBatchDto> Handle(CreateEnrolmentTokensCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var created = Enumerable.Range(0, command.Count!.Value)
            .Select(_ => EnrolmentSecrets.New(command.Name!, command.Labels, command.ExpiresInHours, user.Name, now)).ToList();
        db.EnrolmentTokens.AddRange(created.Select(c => c.Token));
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedEnrolmentTokenBatchDto([.. created.Select(c => new CreatedEnrolmentTokenDto(EnrolmentTokenDto.From(c.Token, now), c.Secret))]);
    }
}
