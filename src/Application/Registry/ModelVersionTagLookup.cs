namespace Platform.Application.Registry;

internal static class ModelVersionTagLookup
{
    public static async Task<IReadOnlyDictionary<string, string>> TagsOfAsync(this IPlatformDbContext db, Guid versionId, CancellationToken cancellationToken) =>
        await db.ModelVersionTags.AsNoTracking().Where(t => t.ModelVersionId == versionId).ToDictionaryAsync(t => t.Key, t => t.Value, StringComparer.Ordinal, cancellationToken);
}
