using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Tests.Support;

namespace Platform.MachineLearning.Tests.Datasets;

public sealed class ContentHashTests
{
    [Fact]
    public async Task Matches_the_published_sha256_test_vector()
    {
        var hash = await ContentHash.Sha256Async(new MemoryStream("abc"u8.ToArray()));

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hash);
    }

    [Fact]
    public async Task Hashing_a_file_equals_hashing_its_bytes_and_one_changed_byte_changes_it()
    {
        var path = SampleData.PathOf("iris.csv");
        var bytes = await File.ReadAllBytesAsync(path);

        var fromFile = await ContentHash.Sha256Async(path);
        var fromBytes = await ContentHash.Sha256Async(new MemoryStream(bytes));
        bytes[^2] ^= 1;
        var changed = await ContentHash.Sha256Async(new MemoryStream(bytes));

        Assert.Equal(fromBytes, fromFile);
        Assert.NotEqual(fromFile, changed);
        Assert.Equal(64, fromFile.Length);
        Assert.Equal(fromFile, fromFile.ToLower(System.Globalization.CultureInfo.InvariantCulture));
    }
}
