using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.Commands.CreateEnrolmentToken;

/// <summary>
/// A one-time token for one device to enrol with (Operator): <c>pet_</c> and 32 random bytes, shown in this answer only
/// and stored as its SHA-256; it expires (24 hours unless told, at most 30 days) and may bind labels the device gets.
/// </summary>
[RequiresRole(Role.Operator)]
public sealed record CreateEnrolmentTokenCommand(string? Name, IReadOnlyDictionary<string, string>? Labels, int? ExpiresInHours) : ICommand<CreatedEnrolmentTokenDto>
{
    public const string Prefix = "pet_";
    public const int DefaultHours = 24;
    public const int MaxHours = 720;

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A new token's secret and the token stored for it (its hash, its first characters to recognise it by).</summary>
    public static (EnrolmentToken Token, string Secret) New(
        string name, IReadOnlyDictionary<string, string>? labels, int? expiresInHours, string createdBy, DateTimeOffset now)
    {
        var secret = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = EnrolmentToken.Create(
            name, Hash(secret), secret[..12], labels ?? new Dictionary<string, string>(), now.AddHours(expiresInHours ?? DefaultHours), createdBy, now);
        return (token, secret);
    }
}

public sealed class CreateEnrolmentTokenCommandValidator : AbstractValidator<CreateEnrolmentTokenCommand>
{
    public CreateEnrolmentTokenCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(EnrolmentToken.MaxNameLength);
        RuleFor(c => c.Labels).ValidLabels();
        RuleFor(c => c.ExpiresInHours).InclusiveBetween(1, CreateEnrolmentTokenCommand.MaxHours);
    }
}

public sealed class CreateEnrolmentTokenCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateEnrolmentTokenCommand, CreatedEnrolmentTokenDto>
{
    public async ValueTask<CreatedEnrolmentTokenDto> Handle(CreateEnrolmentTokenCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (token, secret) = CreateEnrolmentTokenCommand.New(command.Name!, command.Labels, command.ExpiresInHours, user.Name, now);
        db.EnrolmentTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedEnrolmentTokenDto(EnrolmentTokenDto.From(token, now), secret);
    }
}
