using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;
using Platform.Application.Common.Validation;
using Platform.Domain.Identity;
using Platform.Domain.Registry;

namespace Platform.Application.Registry;

/// <summary>Registered models by name, optionally those whose name contains <paramref name="Search"/>. Paged.</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListModelsQuery(string? Search, int? Limit, string? Cursor) : IQuery<Page<ModelDto>>;

public sealed class ListModelsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListModelsQuery, Page<ModelDto>>
{
    public async ValueTask<Page<ModelDto>> Handle(ListModelsQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var models = db.RegisteredModels.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Search))
        {
            models = models.Where(m => m.Name.Contains(query.Search));
        }

        if (Cursor.Decode<string>(query.Cursor) is { } after)
        {
            models = models.Where(m => string.Compare(m.Name, after) > 0);
        }

        var page = await models.OrderBy(m => m.Name).Take(limit + 1).ToListAsync(cancellationToken);
        return new Page<ModelDto>([.. page.Take(limit).Select(ModelDto.From)], page.Count > limit ? Cursor.Encode(page[limit - 1].Name) : null);
    }
}

public sealed class ListModelsQueryValidator : AbstractValidator<ListModelsQuery>
{
    public ListModelsQueryValidator()
    {
        RuleFor(q => q.Limit).ValidPageLimit();
        RuleFor(q => q.Search).MaximumLength(RegisteredModel.MaxNameLength);
    }
}

/// <summary>A model's versions, newest first. Paged.</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListModelVersionsQuery(string Model, int? Limit, string? Cursor) : IQuery<Page<ModelVersionDto>>;

public sealed class ListModelVersionsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListModelVersionsQuery, Page<ModelVersionDto>>
{
    private sealed record VersionPosition(int Number);

    public async ValueTask<Page<ModelVersionDto>> Handle(ListModelVersionsQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var model = await db.LoadModelAsync(query.Model, cancellationToken);
        var versions = db.ModelVersions.AsNoTracking().Where(v => v.ModelId == model.Id);
        if (Cursor.Decode<VersionPosition>(query.Cursor) is { } before)
        {
            versions = versions.Where(v => v.Number < before.Number);
        }

        var page = await versions.OrderByDescending(v => v.Number).Take(limit + 1).ToListAsync(cancellationToken);
        return new Page<ModelVersionDto>(
            [.. page.Take(limit).Select(v => ModelVersionDto.From(model.Name, v))], page.Count > limit ? Cursor.Encode(new VersionPosition(page[limit - 1].Number)) : null);
    }
}

public sealed class ListModelVersionsQueryValidator : AbstractValidator<ListModelVersionsQuery>
{
    public ListModelVersionsQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}

[RequiresRole(Permissions.Read)]
public sealed record GetModelVersionQuery(string Model, int Version) : IQuery<ModelVersionDto>;

public sealed class GetModelVersionQueryHandler(IPlatformDbContext db) : IQueryHandler<GetModelVersionQuery, ModelVersionDto>
{
    public async ValueTask<ModelVersionDto> Handle(GetModelVersionQuery query, CancellationToken cancellationToken)
    {
        var (model, version) = await db.LoadVersionAsync(query.Model, query.Version, cancellationToken);
        return ModelVersionDto.From(model.Name, version, await db.TagsOfAsync(version.Id, cancellationToken));
    }
}

/// <summary>A version's ONNX file (by its hash, so it never changes). Jobs read it to evaluate or serve the version.</summary>
[RequiresRole(Permissions.Read | Role.Job | Role.System)]
public sealed record GetModelVersionArtifactQuery(string Model, int Version) : IQuery<ModelVersionArtifact>, IReadableByJobs;

public sealed record ModelVersionArtifact(string FileName, string Sha256, Stream Content);

public sealed class GetModelVersionArtifactQueryHandler(IPlatformDbContext db, IArtifactStore store) : IQueryHandler<GetModelVersionArtifactQuery, ModelVersionArtifact>
{
    public async ValueTask<ModelVersionArtifact> Handle(GetModelVersionArtifactQuery query, CancellationToken cancellationToken)
    {
        var (model, version) = await db.LoadVersionAsync(query.Model, query.Version, cancellationToken);
        var content = store.OpenRead(version.ArtifactSha256) ?? throw new NotFoundException("Artefact content", version.ArtifactSha256);
        return new ModelVersionArtifact($"{model.Name}-v{version.Number}.onnx", version.ArtifactSha256, content);
    }
}

internal static class RegistryLookups
{
    public static async Task<RegisteredModel> LoadModelAsync(this IPlatformDbContext db, string name, CancellationToken cancellationToken) =>
        await db.RegisteredModels.AsNoTracking().SingleOrDefaultAsync(m => m.Name == name, cancellationToken)
        ?? throw new NotFoundException("Model", name);

    public static async Task<(RegisteredModel Model, ModelVersion Version)> LoadVersionAsync(
        this IPlatformDbContext db, string name, int number, CancellationToken cancellationToken)
    {
        var model = await db.LoadModelAsync(name, cancellationToken);
        var version = await db.ModelVersions.AsNoTracking().SingleOrDefaultAsync(v => v.ModelId == model.Id && v.Number == number, cancellationToken)
            ?? throw new NotFoundException("Model version", $"{name} v{number}");
        return (model, version);
    }
}
