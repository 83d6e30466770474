namespace Platform.Application.Fleet.Commands.RevokeEnrolmentToken;

/// <summary>Withdraws an enrolment token before it is used (Operator); a device it enrolled already stays. A repeat changes nothing.</summary>
[RequiresRole(Role.Operator)]
public sealed record RevokeEnrolmentTokenCommand(Guid Id) : ICommand<EnrolmentTokenDto>;

public sealed class RevokeEnrolmentTokenCommandHandler(IPlatformDbContext db, TimeProvider clock) : ICommandHandler<RevokeEnrolmentTokenCommand, EnrolmentTokenDto>
{
    public async ValueTask<EnrolmentTokenDto> Handle(RevokeEnrolmentTokenCommand command, CancellationToken cancellationToken)
    {
        var token = await db.EnrolmentTokens.SingleOrDefaultAsync(t => t.Id == command.Id, cancellationToken) ?? throw new NotFoundException("Enrolment token", command.Id);
        var now = clock.GetUtcNow();
        token.Revoke(now);
        await db.SaveChangesAsync(cancellationToken);
        return EnrolmentTokenDto.From(token, now);
    }
}
