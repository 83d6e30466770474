using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Platform.Infrastructure.Persistence;

/// <summary>One model with the workspace filters, and one without for a benchmark's composition without isolation.</summary>
internal sealed class PlatformModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context is PlatformDbContext platform && platform.FiltersWorkspaces, designTime);
}
