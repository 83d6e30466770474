using System.Xml.Linq;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests;

/// <summary>
/// The layers point inward, read from the project files themselves: a project referencing one it must not (the Web
/// reaching into Application, Application into the bus, Domain into anything) fails here, and so does a new project
/// nobody placed in the picture (docs/architecture.md draws the same table).
/// </summary>
public sealed class ProjectReferenceTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Domain"] = [],
        ["Contracts"] = [],
        ["MachineLearning"] = [],
        ["Application"] = ["Domain", "Contracts"],
        ["Messaging"] = ["Contracts"],
        ["Infrastructure"] = ["Application", "Contracts", "Messaging", "MachineLearning"],
        ["Api"] = ["Infrastructure"],
        ["Web"] = ["Contracts"],
        ["Workers"] = ["Contracts", "Messaging", "MachineLearning"],
        ["Serving"] = ["Contracts", "MachineLearning"],
        ["Host"] = ["Api", "Web", "Workers", "Serving"],
        // The edge agent is a serving host of its own, with the device protocol's shapes: never the platform's insides.
        ["Edge"] = ["Contracts", "Serving"],
    };

    /// <summary>Projects that must hold plain C# only: no package at all.</summary>
    private static readonly string[] WithoutPackages = ["Domain", "Contracts"];

    public static TheoryData<string> Projects() => [.. ProjectNames()];

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_references_only_the_projects_its_layer_may(string project)
    {
        Assert.True(Allowed.TryGetValue(project, out var allowed), $"src/{project} is not in the architecture's table: place it (and in docs/architecture.md)");

        var references = Items(project, "ProjectReference").Select(path => Path.GetFileNameWithoutExtension(path.Replace('\\', '/')).Replace("Platform.", "", StringComparison.Ordinal));

        Assert.Empty(references.Except(allowed));
    }

    [Fact]
    public void Domain_and_contracts_depend_on_no_package()
    {
        Assert.All(WithoutPackages, project => Assert.Empty(Items(project, "PackageReference")));
    }

    [Fact]
    public void Every_project_in_the_table_exists()
    {
        Assert.Equal(Allowed.Keys.Order(), ProjectNames());
    }

    private static List<string> ProjectNames() =>
        [.. Directory.GetDirectories(Path.Combine(ProductProcess.RepositoryRoot, "src")).Select(folder => Path.GetFileName(folder)).Order()];

    private static IEnumerable<string> Items(string project, string kind)
    {
        var file = Directory.GetFiles(Path.Combine(ProductProcess.RepositoryRoot, "src", project), "*.csproj").Single();
        return XDocument.Load(file).Descendants(kind).Select(item => (string)item.Attribute("Include")!).ToList();
    }
}
