using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Platform.Domain.Deployments;

namespace Platform.Application.Deployments.Commands.CreateInferenceKey;

/// <summary>
/// A new key for callers of the deployment's endpoint: <c>psk_</c> and 32 random bytes (base64url), shown in this
/// answer only; the lower-case hex SHA-256 of the whole key is stored and goes to serving hosts in the desired state.
/// </summary>
[RequiresRole(Role.Operator)]
public sealed record CreateInferenceKeyCommand(string Deployment, string? Name) : ICommand<CreatedInferenceKeyDto>
{
    public const string KeyPrefix = "psk_";

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

public sealed class CreateInferenceKeyCommandValidator : AbstractValidator<CreateInferenceKeyCommand>
{
    public CreateInferenceKeyCommandValidator() => RuleFor(c => c.Name).NotEmpty().MaximumLength(InferenceKey.MaxNameLength);
}

public sealed class CreateInferenceKeyCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateInferenceKeyCommand, CreatedInferenceKeyDto>
{
    public async ValueTask<CreatedInferenceKeyDto> Handle(CreateInferenceKeyCommand command, CancellationToken cancellationToken)
    {
        var deployment = await db.LoadDeploymentAsync(command.Deployment, cancellationToken);
        var key = CreateInferenceKeyCommand.KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var issued = InferenceKey.Issue(deployment, command.Name!, CreateInferenceKeyCommand.Hash(key), key[..12], user.Name, clock.GetUtcNow());
        db.InferenceKeys.Add(issued);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedInferenceKeyDto(issued.Id, issued.Name, issued.Prefix, key, issued.CreatedAt);
    }
}
