using System.Text.RegularExpressions;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests;

/// <summary>
/// One use-case shape in Application, read from the sources: every handler lives alone in
/// <c>Feature/Commands/UseCase/UseCase.cs</c> (or <c>Queries</c>), with its request and validator, so a reader finds a
/// use case by its name.
/// </summary>
public sealed partial class UseCaseShapeTests
{
    [Fact]
    public void Every_handler_is_alone_in_a_file_named_for_its_use_case_under_commands_or_queries()
    {
        var root = Path.Combine(ProductProcess.RepositoryRoot, "src", "Application");
        var files = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(root, f).Replace('\\', '/'), Handlers: HandledRequests(File.ReadAllText(f))))
            .Where(f => f.Handlers.Count > 0)
            .ToList();
        Assert.True(files.Count > 50, $"only {files.Count} files with handlers found: the pattern no longer sees them");

        var misplaced = files
            .Where(f => f.Handlers.Count > 1 || !Expected(f.Handlers[0]).IsMatch(f.Path))
            .Select(f => $"{f.Path}: {string.Join(", ", f.Handlers)}")
            .ToList();

        Assert.True(misplaced.Count == 0, "one handler per Feature/Commands|Queries/UseCase/UseCase.cs:\n" + string.Join('\n', misplaced));
    }

    private static List<string> HandledRequests(string source) =>
        [.. HandlerDeclaration().Matches(source).Select(m => m.Groups["request"].Value)];

    private static Regex Expected(string request)
    {
        var useCase = Regex.Escape(RequestSuffix().Replace(request, ""));
        return new Regex($"^([A-Za-z]+/)+(Commands|Queries)/{useCase}/{useCase}\\.cs$");
    }

    [GeneratedRegex(@"\bclass\s+\w+[^{]*?\b(?:ICommandHandler|IQueryHandler|IRequestHandler|IStreamQueryHandler)<\s*(?<request>\w+)", RegexOptions.Singleline)]
    private static partial Regex HandlerDeclaration();

    [GeneratedRegex("(Command|Query|Request)$")]
    private static partial Regex RequestSuffix();
}
