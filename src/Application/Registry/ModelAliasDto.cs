namespace Platform.Application.Registry;

public sealed record ModelAliasDto(string Model, string Alias, int Version, string SetBy, DateTimeOffset SetAt);
