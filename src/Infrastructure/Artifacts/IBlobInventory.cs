namespace Platform.Infrastructure.Artifacts;

/// <summary>What the orphan sweep needs from a blob store: blobs stored (or last re-uploaded) before a time, and removal.</summary>
internal interface IBlobInventory
{
    IEnumerable<string> StoredBefore(DateTimeOffset before);

    void Delete(string sha256);
}
