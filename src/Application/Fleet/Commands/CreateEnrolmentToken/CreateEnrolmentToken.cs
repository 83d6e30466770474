using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.Commands.CreateEnrolmentToken;

/// <summary>
/// A one-time token for one device to enrol with (Operator): <c>pet_</c> and 32 random bytes, shown in this answer only
/// and stored as its SHA-256; it expires (24 hours unless told, at most 30 days) and may bind labels the device gets.
/// </summary>
[RequiresRole(Role.Operator)]
public sealed record CreateEnrolmentTokenCommand(string? Name, IReadOnlyDictionary<string, string>? Labels, int? ExpiresInHours) : ICommand<CreatedEnrolmentTokenDto>;

public sealed class CreateEnrolmentTokenCommandValidator : AbstractValidator<CreateEnrolmentTokenCommand>
{
    public CreateEnrolmentTokenCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(EnrolmentToken.MaxNameLength);
        RuleFor(c => c.Labels).ValidLabels();
        RuleFor(c => c.ExpiresInHours).InclusiveBetween(1, EnrolmentSecrets.MaxHours);
    }
}

public sealed class CreateEnrolmentTokenCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateEnrolmentTokenCommand, CreatedEnrolmentTokenDto>
{
    public async ValueTask<CreatedEnrolmentTokenDto> Handle(CreateEnrolmentTokenCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (token, secret) = EnrolmentSecrets.New(command.Name!, command.Labels, command.ExpiresInHours, user.Name, now);
        db.EnrolmentTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedEnrolmentTokenDto(EnrolmentTokenDto.From(token, now), secret);
    }
}
