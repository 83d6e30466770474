using System.Reflection;
using Platform.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Platform.Api.Tests.Deployment;

/// <summary>
/// docker-compose.yml cannot run here (no Docker engine), so its configuration is checked against the code:
/// every <c>Section__Key</c> variable must name a property of an options class with that section.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly string Root = FindRoot();

    /// <summary>Variables that belong to ASP.NET Core or to images, not to our options.</summary>
    private static readonly HashSet<string> Framework = ["ASPNETCORE_URLS", "ACCEPT_EULA", "MSSQL_SA_PASSWORD"];

    [Fact]
    public void Every_configuration_key_in_the_compose_file_names_a_property_of_our_options()
    {
        var assemblies = new[]
        {
            typeof(PlatformOptions).Assembly, typeof(Application.Jobs.JobOptions).Assembly, typeof(Contracts.Bus.BusOptions).Assembly,
            typeof(Hubs.SignalROptions).Assembly,
        };
        var options = assemblies.SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(x => x.Section is not null)
            .ToDictionary(x => x.Section!, x => x.Type);
        Assert.Contains("Database", options.Keys);

        var unknown = new List<string>();
        var checkedKeys = 0;
        foreach (var (service, variable) in EnvironmentVariables())
        {
            if (Framework.Contains(variable))
            {
                continue;
            }

            var parts = variable.Split("__");
            var known = parts.Length == 2 && options.TryGetValue(parts[0], out var type)
                && type.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance) is { CanWrite: true };
            checkedKeys++;
            if (!known)
            {
                unknown.Add($"{service}: {variable}");
            }
        }

        Assert.True(checkedKeys >= 8, $"only {checkedKeys} keys checked");
        Assert.Empty(unknown);
    }

    [Fact]
    public void The_stack_has_its_services_and_every_dockerfile_it_builds_exists()
    {
        var services = Services();
        foreach (var name in new[] { "sqlserver", "rabbitmq", "api", "web", "workers", "otel-collector" })
        {
            Assert.True(services.Children.ContainsKey(name), $"service {name} is missing");
        }

        foreach (var (name, node) in services.Children)
        {
            if (node is YamlMappingNode service && service.Children.TryGetValue("build", out var build))
            {
                var dockerfile = ((YamlScalarNode)((YamlMappingNode)build)["dockerfile"]).Value!;
                Assert.True(File.Exists(Path.Combine(Root, dockerfile)), $"{name}: {dockerfile} does not exist");
            }
        }

        Assert.True(File.Exists(Path.Combine(Root, "infra", "otel-collector", "config.yaml")));
    }

    private static IEnumerable<(string Service, string Variable)> EnvironmentVariables()
    {
        foreach (var (name, node) in Services().Children)
        {
            if (node is YamlMappingNode service && service.Children.TryGetValue("environment", out var environment))
            {
                foreach (var key in ((YamlMappingNode)environment).Children.Keys)
                {
                    yield return (((YamlScalarNode)name).Value!, ((YamlScalarNode)key).Value!);
                }
            }
        }
    }

    private static YamlMappingNode Services()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
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
