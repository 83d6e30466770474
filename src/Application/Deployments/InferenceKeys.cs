using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;
using Platform.Application.Common.Validation;
using Platform.Domain.Deployments;
using Platform.Domain.Identity;

namespace Platform.Application.Deployments;

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

/// <summary>A deployment's inference keys, oldest first (paged): name, prefix, who made it and when, revoked or not.</summary>
[RequiresRole(Role.Operator)]
public sealed record ListInferenceKeysQuery(string Deployment, int? Limit, string? Cursor) : IQuery<Page<InferenceKeyDto>>;

public sealed class ListInferenceKeysQueryValidator : AbstractValidator<ListInferenceKeysQuery>
{
    public ListInferenceKeysQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}

public sealed class ListInferenceKeysQueryHandler(IPlatformDbContext db) : IQueryHandler<ListInferenceKeysQuery, Page<InferenceKeyDto>>
{
    private sealed record Position(Guid Id);

    public async ValueTask<Page<InferenceKeyDto>> Handle(ListInferenceKeysQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var deployment = await db.LoadDeploymentAsync(query.Deployment, cancellationToken);
        var rows = db.InferenceKeys.AsNoTracking().Where(k => k.DeploymentId == deployment.Id);
        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            rows = rows.Where(k => k.Id.CompareTo(after.Id) > 0);
        }

        var page = await rows.OrderBy(k => k.Id).Take(limit + 1).ToListAsync(cancellationToken);
        return new Page<InferenceKeyDto>(
            [.. page.Take(limit).Select(InferenceKeyDto.From)], page.Count > limit ? Cursor.Encode(new Position(page[limit - 1].Id)) : null);
    }
}

/// <summary>Revokes a key: serving hosts stop accepting it at their next pull of the desired state.</summary>
[RequiresRole(Role.Operator)]
public sealed record RevokeInferenceKeyCommand(string Deployment, Guid Id) : ICommand<InferenceKeyDto>;

public sealed class RevokeInferenceKeyCommandHandler(IPlatformDbContext db, TimeProvider clock) : ICommandHandler<RevokeInferenceKeyCommand, InferenceKeyDto>
{
    public async ValueTask<InferenceKeyDto> Handle(RevokeInferenceKeyCommand command, CancellationToken cancellationToken)
    {
        var deployment = await db.LoadDeploymentAsync(command.Deployment, cancellationToken);
        var key = await db.InferenceKeys.SingleOrDefaultAsync(k => k.Id == command.Id && k.DeploymentId == deployment.Id, cancellationToken)
            ?? throw new NotFoundException("Inference key", command.Id);
        if (key.Revoke(deployment, clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return InferenceKeyDto.From(key);
    }
}
