using System.Reflection;
using Platform.Infrastructure;
using Platform.Workers;
using YamlDotNet.RepresentationModel;

namespace Platform.Api.Tests.Deployment;

/// <summary>
/// What the deployment files (docker-compose.yml, infra/k8s) are checked against: the options classes, found by their
/// public <c>Section</c> constant, whose properties are the only configuration keys (<c>Section__Key</c> in the environment).
/// </summary>
internal static class DeploymentConfiguration
{
    /// <summary>Variables that belong to ASP.NET Core or to third-party images, not to our options.</summary>
    public static readonly HashSet<string> FrameworkVariables =
        ["ASPNETCORE_URLS", "ACCEPT_EULA", "MSSQL_SA_PASSWORD", "RABBITMQ_DEFAULT_USER", "RABBITMQ_DEFAULT_PASS"];

    /// <summary>The port the api and web images listen on (ASPNETCORE_URLS=http://+:8080).</summary>
    public const int HttpPort = 8080;

    public static string Root { get; } = FindRoot();

    /// <summary>Options classes by section name.</summary>
    public static IReadOnlyDictionary<string, Type> OptionsBySection { get; } = FindOptions();

    /// <summary>Why <paramref name="variable"/> is not a configuration key we read, or null when it is one (or a framework variable).</summary>
    public static string? Problem(string variable)
    {
        if (FrameworkVariables.Contains(variable))
        {
            return null;
        }

        var parts = variable.Split("__");
        if (parts.Length != 2)
        {
            return $"{variable} is not of the form Section__Key";
        }

        if (!OptionsBySection.TryGetValue(parts[0], out var type))
        {
            return $"{variable}: no options class has the section {parts[0]} (known: {string.Join(", ", OptionsBySection.Keys.Order())})";
        }

        return type.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance) is { CanWrite: true }
            ? null
            : $"{variable}: {type.Name} has no settable property {parts[1]}";
    }

    /// <summary>The child at <paramref name="path"/> of a mapping, or null.</summary>
    public static YamlNode? At(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            current = child;
        }

        return current;
    }

    /// <summary>The scalar at <paramref name="path"/>, or null.</summary>
    public static string? Text(this YamlNode node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    /// <summary>The items of the sequence at <paramref name="path"/> (none when it is absent).</summary>
    public static IEnumerable<YamlNode> Items(this YamlNode node, params string[] path) =>
        node.At(path) is YamlSequenceNode sequence ? sequence.Children : [];

    /// <summary>The entries of the mapping at <paramref name="path"/> (none when it is absent).</summary>
    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlNode node, params string[] path) =>
        node.At(path) is YamlMappingNode map ? map.Children.Select(c => (((YamlScalarNode)c.Key).Value!, c.Value)) : [];

    /// <summary>Fails with every problem found, one a line.</summary>
    public static void AssertNone(IReadOnlyCollection<string> problems, string what) =>
        Assert.True(problems.Count == 0, $"{what}:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");

    private static Dictionary<string, Type> FindOptions()
    {
        var assemblies = new[]
        {
            typeof(PlatformOptions).Assembly, typeof(Application.Jobs.JobOptions).Assembly, typeof(global::Platform.Messaging.BusOptions).Assembly,
            typeof(Hubs.SignalROptions).Assembly, typeof(WorkerOptions).Assembly,
        };
        return assemblies.Distinct().SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(x => x.Section is not null)
            .ToDictionary(x => x.Section!, x => x.Type);
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Platform.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test folder");
    }
}
