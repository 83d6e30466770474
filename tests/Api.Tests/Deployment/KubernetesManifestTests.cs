using YamlDotNet.RepresentationModel;
using static Platform.Api.Tests.Deployment.DeploymentConfiguration;
using static Platform.Api.Tests.Deployment.KubernetesManifests;

namespace Platform.Api.Tests.Deployment;

/// <summary>
/// The manifests in infra/k8s cannot be applied here (no cluster), so they are checked against the code: every object
/// parses, configuration keys name options the code reads, and every reference between objects (env to Secret, envFrom
/// to ConfigMap) names an object that exists. The api's and the workers' objects have test classes of their own.
/// </summary>
public sealed class KubernetesManifestTests
{
    [Fact]
    public void Every_manifest_parses_into_named_objects_of_the_platform_namespace_and_the_kustomization_lists_them()
    {
        Assert.True(All.Count >= 10, $"only {All.Count} objects in {Folder}");
        var problems = new List<string>();
        foreach (var m in All.Where(m => string.IsNullOrEmpty(m.Node.Text("apiVersion")) || m.Kind.Length == 0 || (m.Name.Length == 0 && m.Kind != "Kustomization")))
        {
            problems.Add($"{m.File}: an object without apiVersion, kind or metadata.name");
        }

        var namespaces = Of("Namespace").ToList();
        Assert.True(namespaces.Count == 1, $"expected one Namespace, found {namespaces.Count}");
        var ns = namespaces[0].Name;
        problems.AddRange(All.Where(m => m.Kind is not ("Namespace" or "Kustomization") && m.Node.Text("metadata", "namespace") != ns)
            .Select(m => $"{m}: metadata.namespace is {m.Node.Text("metadata", "namespace") ?? "missing"}, not {ns}"));
        problems.AddRange(All.GroupBy(m => (m.Kind, m.Name)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Kind} {g.Key.Name} is defined {g.Count()} times"));

        var kustomization = Of("Kustomization").SingleOrDefault();
        Assert.True(kustomization is not null, "infra/k8s has no kustomization.yaml");
        if (kustomization.Node.Text("namespace") != ns)
        {
            problems.Add($"kustomization.yaml: namespace is {kustomization.Node.Text("namespace")}, not {ns}");
        }

        var resources = kustomization.Node.Items("resources").Select(r => ((YamlScalarNode)r).Value!).ToHashSet();
        problems.AddRange(resources.Where(r => !File.Exists(Path.Combine(Folder, r))).Select(r => $"kustomization.yaml lists {r}, which does not exist"));
        problems.AddRange(All.Select(m => m.File).Distinct()
            .Where(f => f is not ("kustomization.yaml" or SecretTemplateFile) && !resources.Contains(f))
            .Select(f => $"{f} is not in kustomization.yaml's resources: `kubectl apply -k` would leave it out"));
        if (resources.Contains(SecretTemplateFile))
        {
            problems.Add($"kustomization.yaml applies {SecretTemplateFile}: its placeholders would become the platform's secrets");
        }

        AssertNone(problems, "infra/k8s");
    }

    [Fact]
    public void Every_environment_variable_and_config_map_key_names_a_settable_property_of_our_options()
    {
        var keys = Of("Deployment").SelectMany(d => Containers(d).SelectMany(c => c.Items("env").Select(e => ($"{d} container {c.Text("name")}", e.Text("name")!))))
            .Concat(Of("ConfigMap").SelectMany(c => c.Node.Entries("data").Select(e => (c.ToString(), e.Key))))
            .ToList();
        var problems = keys.Select(k => Problem(k.Item2) is { } problem ? $"{k.Item1}: {problem}" : null).OfType<string>().ToList();

        Assert.True(keys.Count >= 20, $"only {keys.Count} keys checked");
        AssertNone(problems, "the manifests set keys that no options class reads");
    }

    [Fact]
    public void Every_secret_and_config_map_reference_exists_and_the_secret_template_holds_placeholders_only()
    {
        var problems = new List<string>();
        var secrets = Of("Secret").ToList();
        Assert.True(secrets.Count > 0 && secrets.All(s => s.File == SecretTemplateFile), $"the Secret must be in {SecretTemplateFile} only");
        foreach (var secret in secrets)
        {
            if (secret.Node.At("data") is not null)
            {
                problems.Add($"{secret}: use stringData with {Placeholder} values; base64 data could hide a real secret");
            }

            problems.AddRange(secret.Node.Entries("stringData").Where(e => (e.Value as YamlScalarNode)?.Value?.Contains(Placeholder, StringComparison.Ordinal) != true)
                .Select(e => $"{secret}: {e.Key} has no {Placeholder} placeholder; real secrets never go into the repository"));
        }

        bool SecretHas(string? name, string? key) =>
            secrets.Any(s => s.Name == name && s.Node.Entries("stringData").Any(e => e.Key == key));

        foreach (var deployment in Of("Deployment"))
        {
            foreach (var container in Containers(deployment))
            {
                foreach (var env in container.Items("env"))
                {
                    if (env.At("valueFrom", "secretKeyRef") is { } secretRef && !SecretHas(secretRef.Text("name"), secretRef.Text("key")))
                    {
                        problems.Add($"{deployment}: {env.Text("name")} reads {secretRef.Text("name")}/{secretRef.Text("key")}, which the Secret template does not have");
                    }

                    if (env.At("valueFrom", "configMapKeyRef") is { } mapRef
                        && !Of("ConfigMap").Any(c => c.Name == mapRef.Text("name") && c.Node.At("data", mapRef.Text("key") ?? "") is not null))
                    {
                        problems.Add($"{deployment}: {env.Text("name")} reads {mapRef.Text("name")}/{mapRef.Text("key")}, which does not exist");
                    }
                }

                foreach (var from in container.Items("envFrom"))
                {
                    if (from.Text("configMapRef", "name") is { } map && !Of("ConfigMap").Any(c => c.Name == map))
                    {
                        problems.Add($"{deployment}: envFrom names the ConfigMap {map}, which does not exist");
                    }

                    if (from.Text("secretRef", "name") is { } secret && secrets.All(s => s.Name != secret))
                    {
                        problems.Add($"{deployment}: envFrom names the Secret {secret}, which the template does not define");
                    }
                }
            }
        }

        foreach (var auth in Of("TriggerAuthentication"))
        {
            foreach (var target in auth.Node.Items("spec", "secretTargetRef"))
            {
                if (!SecretHas(target.Text("name"), target.Text("key")))
                {
                    problems.Add($"{auth}: {target.Text("parameter")} reads {target.Text("name")}/{target.Text("key")}, which the Secret template does not have");
                }
            }

            if (!auth.Node.Items("spec", "secretTargetRef").Any(t => t.Text("parameter") == "host"))
            {
                problems.Add($"{auth}: the RabbitMQ scaler needs the `host` parameter (the connection URL) from the Secret");
            }
        }

        AssertNone(problems, "secrets and config maps");
    }
}
