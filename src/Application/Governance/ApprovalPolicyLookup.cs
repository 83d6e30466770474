using Platform.Domain.Governance;
using Platform.Domain.Registry;

namespace Platform.Application.Governance;

internal static class ApprovalPolicyLookup
{
    /// <summary>The policy a model's promotion into <paramref name="environment"/> is under: the model's own, else the environment's, else the built-in default.</summary>
    public static async Task<ApprovalPolicy> PolicyForAsync(this IPlatformDbContext db, ModelStage environment, Guid modelId, CancellationToken cancellationToken)
    {
        var candidates = await db.ApprovalPolicies.AsNoTracking()
            .Where(p => p.Environment == environment && (p.ModelId == modelId || p.ModelId == null)).ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(p => p.ModelId == modelId) ?? candidates.FirstOrDefault() ?? ApprovalPolicy.DefaultFor(environment);
    }

    public static readonly ModelStage[] Environments = [ModelStage.Staging, ModelStage.Production];

    /// <summary>The model's id, or null when no model is named; a model that does not exist is 404.</summary>
    public static async Task<Guid?> ModelIdAsync(this IPlatformDbContext db, string? model, CancellationToken cancellationToken) =>
        model is null ? null
        : (await db.RegisteredModels.AsNoTracking().Where(m => m.Name == model).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken))
          ?? throw new Common.Exceptions.NotFoundException("Model", model);
}
