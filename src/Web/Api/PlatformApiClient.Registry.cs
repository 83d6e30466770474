namespace Platform.Web.Api;

/// <summary>A model's alias (champion, challenger, …) and the version it points at.</summary>
public sealed record ModelAlias(string Model, string Alias, int Version, string SetBy, DateTimeOffset SetAt);

public sealed partial class PlatformApiClient
{
    public Task<IReadOnlyList<ModelAlias>> AliasesAsync(string model, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<ModelAlias>>($"api/v1/models/{Uri.EscapeDataString(model)}/aliases", ct);
}
