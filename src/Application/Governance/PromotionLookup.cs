using Platform.Domain.Governance;
using Platform.Domain.Registry;

namespace Platform.Application.Governance;

/// <summary>A promotion request loaded for a decision (tracked, with its decisions), and its model and version.</summary>
internal sealed record PromotionContext(PromotionRequest Request, RegisteredModel Model, ModelVersion Version)
{
    public static async Task<PromotionContext> LoadAsync(IPlatformDbContext db, Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.PromotionRequests.Include(r => r.Decisions).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new NotFoundException("Promotion request", requestId.ToString());
        var model = await db.RegisteredModels.SingleAsync(m => m.Id == request.ModelId, cancellationToken);
        var version = await db.ModelVersions.SingleAsync(v => v.Id == request.ModelVersionId, cancellationToken);
        return new PromotionContext(request, model, version);
    }

    public PromotionRequestDto Dto(DateTimeOffset now) => PromotionRequestDto.From(Request, Model.Name, Version.Number, now);
}
