using Platform.Domain.Artifacts;

namespace Platform.Domain.Tests.Artifacts;

public sealed class ArtifactPathTests
{
    [Theory]
    [InlineData("model.onnx", "model.onnx")]
    [InlineData("model/weights.bin", "model/weights.bin")]
    [InlineData("./plots//roc.png", "plots/roc.png")]
    [InlineData("a/./b", "a/b")]
    public void Accepts_and_normalises_relative_paths(string raw, string expected)
    {
        Assert.True(ArtifactPath.TryNormalize(raw, out var normalized, out var error), error);
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("../x", "'..'")]
    [InlineData("a/../../etc/passwd", "'..'")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("C:/Windows/win.ini", "':'")]
    [InlineData("C:\\Windows", "backslash")]
    [InlineData("\\\\server\\share", "backslash")]
    [InlineData("logs/CON", "device")]
    [InlineData("nul.txt", "device")]
    [InlineData("a\0b", "control")]
    [InlineData("dir/", "folder")]
    [InlineData("", "empty")]
    [InlineData("./.", "root")]
    [InlineData("trailing.", "period")]
    public void Refuses_paths_that_could_escape_or_name_devices(string raw, string reason)
    {
        Assert.False(ArtifactPath.TryNormalize(raw, out _, out var error));
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
    }
}
