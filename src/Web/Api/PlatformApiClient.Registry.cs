namespace Platform.Web.Api;

/// <summary>A model's alias (champion, challenger, …) and the version it points at.</summary>
public sealed record ModelAlias(string Model, string Alias, int Version, string SetBy, DateTimeOffset SetAt);

/// <summary>Which model and number a version's id stands for.</summary>
public sealed record ModelVersionLocation(Guid Id, string Model, int Version);

public sealed partial class PlatformApiClient
{
    /// <summary>The model and number of the version with <paramref name="id"/> (the audit trail names versions by id).</summary>
    public Task<ModelVersionLocation> FindModelVersionAsync(Guid id, CancellationToken ct = default) =>
        GetAsync<ModelVersionLocation>($"api/v1/model-versions/{id}", ct);

    public Task<IReadOnlyList<ModelAlias>> AliasesAsync(string model, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<ModelAlias>>($"api/v1/models/{Uri.EscapeDataString(model)}/aliases", ct);
}
