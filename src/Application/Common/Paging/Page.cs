namespace Platform.Application.Common.Paging;

/// <summary>One page of a collection; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class PageLimits
{
    public const int Default = 50;
    public const int Max = 500;

    public static int Resolve(int? limit) => limit ?? Default;
}
