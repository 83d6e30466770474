namespace Platform.Domain.Common;

/// <summary>Identifiers are version 7 GUIDs: unique, and ordered by creation time.</summary>
public static class Ids
{
    public static Guid New() => Guid.CreateVersion7();
}
