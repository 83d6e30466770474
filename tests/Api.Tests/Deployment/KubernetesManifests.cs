using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static Platform.Api.Tests.Deployment.DeploymentConfiguration;

namespace Platform.Api.Tests.Deployment;

/// <summary>The objects of infra/k8s, loaded once, and the look-ups the manifest tests share.</summary>
internal static partial class KubernetesManifests
{
    internal const string SecretTemplateFile = "secret.template.yaml";
    internal const string Placeholder = "REPLACE_ME";
    internal const string GpuResource = "nvidia.com/gpu";
    internal static readonly string Folder = Path.Combine(Root, "infra", "k8s");
    internal static readonly IReadOnlyList<Manifest> All = Load();

    internal sealed record Manifest(string File, YamlMappingNode Node)
    {
        public string Kind => Node.Text("kind") ?? "";

        public string Name => Node.Text("metadata", "name") ?? "";

        public override string ToString() => $"{File}: {Kind} {Name}";
    }

    internal static IEnumerable<Manifest> Of(string kind) => All.Where(m => m.Kind == kind);

    internal static Manifest Deployment(string name) =>
        Of("Deployment").FirstOrDefault(d => d.Name == name) ?? throw new Xunit.Sdk.XunitException($"no Deployment {name} in {Folder}");

    /// <summary>Deployments of a workers image (platform/workers, or platform/workers-gpu with ONNX Runtime's GPU flavour).</summary>
    internal static IEnumerable<Manifest> Workers() =>
        Of("Deployment").Where(d => Containers(d).Any(c => c.Text("image")?.Split(':')[0] is { } image && (image.EndsWith("workers", StringComparison.Ordinal) || image.EndsWith("workers-gpu", StringComparison.Ordinal))));

    internal static IEnumerable<YamlNode> Containers(Manifest deployment) => deployment.Node.Items("spec", "template", "spec", "containers");

    /// <summary>The first container's variables with plain values: its envFrom ConfigMaps, then its env (which wins); valueFrom ones as "".</summary>
    internal static Dictionary<string, string?> Env(Manifest deployment)
    {
        var container = Containers(deployment).First();
        var env = new Dictionary<string, string?>();
        foreach (var name in container.Items("envFrom").Select(f => f.Text("configMapRef", "name")).OfType<string>())
        {
            foreach (var (key, value) in Of("ConfigMap").Where(c => c.Name == name).SelectMany(c => c.Node.Entries("data")))
            {
                env[key] = (value as YamlScalarNode)?.Value;
            }
        }

        foreach (var variable in container.Items("env"))
        {
            env[variable.Text("name")!] = variable.Text("value") ?? "";
        }

        return env;
    }

    /// <summary>The number of a container port given by number or by name, or null when the Deployment has no such port.</summary>
    internal static int? ContainerPort(Manifest deployment, string port) =>
        Containers(deployment).SelectMany(c => c.Items("ports"))
            .Where(p => p.Text("name") == port || p.Text("containerPort") == port)
            .Select(p => (int?)int.Parse(p.Text("containerPort")!, CultureInfo.InvariantCulture))
            .FirstOrDefault();

    internal static string[]? Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => v.ToLowerInvariant()).ToArray();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    internal static partial Regex Identifier();

    /// <summary>
    /// Every object of every YAML file in infra/k8s. A filled-in secret.yaml (git-ignored, real secrets) is never read.
    /// </summary>
    internal static List<Manifest> Load()
    {
        Assert.True(Directory.Exists(Folder), $"{Folder} does not exist");
        var manifests = new List<Manifest>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.*", SearchOption.AllDirectories)
                     .Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".yml", StringComparison.Ordinal))
                     .Where(p => Path.GetFileName(p) != "secret.yaml")
                     .Order(StringComparer.Ordinal))
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(path))
            {
                yaml.Load(reader);
            }

            var file = Path.GetRelativePath(Folder, path).Replace('\\', '/');
            foreach (var document in yaml.Documents)
            {
                manifests.Add(document.RootNode is YamlMappingNode node
                    ? new Manifest(file, node)
                    : throw new Xunit.Sdk.XunitException($"{file}: a document that is not a mapping"));
            }
        }

        return manifests;
    }
}
