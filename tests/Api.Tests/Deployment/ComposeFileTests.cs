using Platform.Workers;
using YamlDotNet.RepresentationModel;
using static Platform.Api.Tests.Deployment.DeploymentConfiguration;

namespace Platform.Api.Tests.Deployment;

/// <summary>
/// docker-compose.yml cannot run here (no Docker engine), so its configuration is checked against the code:
/// every <c>Section__Key</c> variable must name a property of an options class with that section.
/// </summary>
public sealed class ComposeFileTests
{
    [Fact]
    public void Every_configuration_key_in_the_compose_file_names_a_property_of_our_options()
    {
        Assert.Contains("Database", OptionsBySection.Keys);
        Assert.Contains(WorkerOptions.Section, OptionsBySection.Keys);

        var variables = EnvironmentVariables().ToList();
        var problems = variables.Select(v => Problem(v.Variable) is { } problem ? $"{v.Service}: {problem}" : null).OfType<string>().ToList();

        Assert.True(variables.Count >= 8, $"only {variables.Count} keys checked");
        AssertNone(problems, "docker-compose.yml sets keys that no options class reads");
    }

    [Fact]
    public void The_stack_has_its_services_and_every_dockerfile_it_builds_exists()
    {
        var services = Services();
        foreach (var name in new[] { "sqlserver", "rabbitmq", "redis", "api", "web", "workers", "otel-collector" })
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

    [Fact]
    public void The_api_and_the_workers_use_the_rabbitmq_bus_with_the_brokers_credentials_and_the_api_the_redis_backplane()
    {
        var services = Services();
        var broker = EnvironmentOf(services, "rabbitmq");
        foreach (var name in new[] { "api", "workers" })
        {
            var env = EnvironmentOf(services, name);
            Assert.True(env.GetValueOrDefault("Bus__Transport") == "RabbitMq", $"{name}: Bus__Transport must be RabbitMq");
            Assert.True(env.GetValueOrDefault("Bus__Host") == "rabbitmq", $"{name}: Bus__Host must be the rabbitmq service");
            Assert.True(env.GetValueOrDefault("Bus__Username") == broker.GetValueOrDefault("RABBITMQ_DEFAULT_USER"),
                $"{name}: Bus__Username ({env.GetValueOrDefault("Bus__Username")}) differs from rabbitmq's RABBITMQ_DEFAULT_USER");
            Assert.True(env.GetValueOrDefault("Bus__Password") == broker.GetValueOrDefault("RABBITMQ_DEFAULT_PASS"),
                $"{name}: Bus__Password ({env.GetValueOrDefault("Bus__Password")}) differs from rabbitmq's RABBITMQ_DEFAULT_PASS");
        }

        var redis = EnvironmentOf(services, "api").GetValueOrDefault("SignalR__RedisConnectionString");
        Assert.True(redis?.Split(',')[0].Split(':')[0] == "redis", $"api: SignalR__RedisConnectionString ({redis}) does not point at the redis service");
        Assert.True(EnvironmentOf(services, "workers").GetValueOrDefault("Worker__HardwareClasses") == "cpu", "workers: compose has no GPU, Worker__HardwareClasses must be cpu");
        var apiUrl = EnvironmentOf(services, "workers").GetValueOrDefault("Worker__ApiUrl");
        Assert.True(apiUrl == "http://api-lb:8080", $"workers: Worker__ApiUrl ({apiUrl}) must be the api load balancer, http://api-lb:8080");
    }

    private static Dictionary<string, string?> EnvironmentOf(YamlMappingNode services, string service) =>
        services.Entries(service, "environment").ToDictionary(e => e.Key, e => (e.Value as YamlScalarNode)?.Value);

    private static IEnumerable<(string Service, string Variable)> EnvironmentVariables() =>
        Services().Children.SelectMany(s => s.Value.Entries("environment").Select(e => (((YamlScalarNode)s.Key).Value!, e.Key)));

    private static YamlMappingNode Services()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    }
}
