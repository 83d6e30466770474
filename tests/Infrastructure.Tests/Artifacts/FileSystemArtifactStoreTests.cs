using System.Security.Cryptography;
using Platform.Application.Common.Exceptions;
using Platform.Infrastructure.Artifacts;

namespace Platform.Infrastructure.Tests.Artifacts;

public sealed class FileSystemArtifactStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "platform-store-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Stores_content_under_its_sha256_and_reads_it_back()
    {
        var store = new FileSystemArtifactStore(_root);
        var content = RandomNumberGenerator.GetBytes(300_000);
        var blob = await store.SaveAsync(new MemoryStream(content), 1_000_000, CancellationToken.None);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), blob.Sha256);
        Assert.Equal(content.Length, blob.SizeBytes);
        await using var read = store.OpenRead(blob.Sha256)!;
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
        Assert.True(File.Exists(Path.Combine(_root, "sha256", blob.Sha256[..2], blob.Sha256[2..4], blob.Sha256)));
    }

    [Fact]
    public async Task Content_past_the_limit_is_refused_and_leaves_no_file()
    {
        var store = new FileSystemArtifactStore(_root);
        await Assert.ThrowsAsync<PayloadTooLargeException>(() => store.SaveAsync(new MemoryStream(new byte[5000]), 4999, CancellationToken.None));
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../../../../etc/passwd")]
    [InlineData("0123")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    public void Opening_anything_but_a_stored_hash_gives_nothing(string name) =>
        Assert.Null(new FileSystemArtifactStore(_root).OpenRead(name));
}
