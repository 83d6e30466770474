using Platform.Host.Tests.Support;

namespace Platform.Host.Tests;

/// <summary>
/// The portal's components keep their markup in the .razor file and any code past a few lines in a .razor.cs partial
/// (or smaller components), read from the sources themselves.
/// </summary>
public sealed class ComponentShapeTests
{
    private const int MaxCodeLines = 40;

    [Fact]
    public void No_component_has_more_than_forty_lines_of_code_in_its_markup_file()
    {
        var components = Directory.GetFiles(Path.Combine(ProductProcess.RepositoryRoot, "src", "Web", "Components"), "*.razor", SearchOption.AllDirectories);
        Assert.NotEmpty(components);

        var tooLong = components
            .Select(file => (File: Path.GetRelativePath(ProductProcess.RepositoryRoot, file), Lines: CodeLines(File.ReadAllLines(file))))
            .Where(c => c.Lines > MaxCodeLines)
            .Select(c => $"{c.File}: {c.Lines} lines in @code")
            .ToList();

        Assert.True(tooLong.Count == 0, "move the code to a .razor.cs partial or a smaller component:\n" + string.Join('\n', tooLong));
    }

    private static int CodeLines(string[] lines)
    {
        var start = Array.FindIndex(lines, l => l.StartsWith("@code", StringComparison.Ordinal));
        return start < 0 ? 0 : lines.Length - start - 1;
    }
}
