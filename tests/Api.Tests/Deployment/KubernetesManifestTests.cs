using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Contracts.Messages.Jobs;
using Platform.Workers;
using YamlDotNet.RepresentationModel;
using static Platform.Api.Tests.Deployment.DeploymentConfiguration;

namespace Platform.Api.Tests.Deployment;

/// <summary>
/// The manifests in infra/k8s cannot be applied here (no cluster), so they are checked against the code: configuration
/// keys against the options classes, ports and probes against what the api serves, KEDA triggers against the job queues,
/// and every reference between objects (Service to Deployment, ScaledObject to Deployment, env to Secret...) against the
/// objects that exist.
/// </summary>
public sealed partial class KubernetesManifestTests
{
    private const string SecretTemplateFile = "secret.template.yaml";
    private const string Placeholder = "REPLACE_ME";
    private const string GpuResource = "nvidia.com/gpu";
    private static readonly string Folder = Path.Combine(Root, "infra", "k8s");
    private static readonly IReadOnlyList<Manifest> All = Load();

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
    public void The_api_and_web_listen_on_8080_and_every_service_and_ingress_points_at_a_port_that_exists()
    {
        var problems = new List<string>();
        foreach (var name in new[] { "api", "web" })
        {
            var deployment = Deployment(name);
            var ports = Containers(deployment).SelectMany(c => c.Items("ports")).Select(p => p.Text("containerPort")).ToList();
            if (!ports.Contains(HttpPort.ToString(CultureInfo.InvariantCulture)))
            {
                problems.Add($"{deployment}: no containerPort {HttpPort} (ports: {string.Join(", ", ports)}); the image listens on {HttpPort}");
            }

            var urls = Env(deployment).GetValueOrDefault("ASPNETCORE_URLS");
            if (urls is not null && !urls.EndsWith($":{HttpPort}", StringComparison.Ordinal))
            {
                problems.Add($"{deployment}: ASPNETCORE_URLS is {urls}, not on port {HttpPort}");
            }
        }

        foreach (var service in Of("Service").Where(s => s.Node.Text("spec", "type") != "ExternalName"))
        {
            var selector = service.Node.Entries("spec", "selector").ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value);
            var targets = Of("Deployment").Where(d => selector.Count > 0 && selector.All(s =>
                d.Node.Text("spec", "template", "metadata", "labels", s.Key) == s.Value)).ToList();
            if (targets.Count == 0)
            {
                problems.Add($"{service}: its selector matches no Deployment's pods");
                continue;
            }

            foreach (var port in service.Node.Items("spec", "ports"))
            {
                var target = port.Text("targetPort") ?? port.Text("port")!;
                foreach (var deployment in targets)
                {
                    var resolved = ContainerPort(deployment, target);
                    if (resolved is null)
                    {
                        problems.Add($"{service}: targetPort {target} is not a port of {deployment}");
                    }
                    else if (resolved != HttpPort)
                    {
                        problems.Add($"{service}: targetPort {target} is {deployment}'s port {resolved}, not {HttpPort}");
                    }
                }
            }
        }

        foreach (var ingress in Of("Ingress"))
        {
            foreach (var backend in ingress.Node.Items("spec", "rules").SelectMany(r => r.Items("http", "paths")).Select(p => p.At("backend", "service")!))
            {
                var service = Of("Service").FirstOrDefault(s => s.Name == backend.Text("name"));
                var port = backend.Text("port", "name") ?? backend.Text("port", "number");
                if (service is null)
                {
                    problems.Add($"{ingress}: backend service {backend.Text("name")} does not exist");
                }
                else if (!service.Node.Items("spec", "ports").Any(p => p.Text("name") == port || p.Text("port") == port))
                {
                    problems.Add($"{ingress}: {service} has no port {port}");
                }
            }
        }

        AssertNone(problems, "ports");
    }

    [Fact]
    public void The_api_is_probed_on_its_health_endpoints_and_no_probe_asks_for_a_path_that_does_not_exist()
    {
        var problems = new List<string>();
        var api = Deployment("api");
        var container = Containers(api).First();
        foreach (var (probe, path) in new[] { ("readinessProbe", "/health/ready"), ("livenessProbe", "/health/live") })
        {
            var actual = container.Text(probe, "httpGet", "path");
            if (actual != path)
            {
                problems.Add($"{api}: {probe} must be an HTTP GET of {path}, not {actual ?? "missing"}");
            }
        }

        string[] known = ["/health/live", "/health/ready"];
        foreach (var deployment in Of("Deployment"))
        {
            foreach (var c in Containers(deployment))
            {
                foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
                {
                    if (c.At(probe, "httpGet") is not { } get)
                    {
                        continue;
                    }

                    if (!known.Contains(get.Text("path")))
                    {
                        problems.Add($"{deployment}: {probe} asks for {get.Text("path")}; the api serves only {string.Join(" and ", known)}");
                    }

                    if (ContainerPort(deployment, get.Text("port") ?? "") != HttpPort)
                    {
                        problems.Add($"{deployment}: {probe} port {get.Text("port")} is not the container's port {HttpPort}");
                    }
                }
            }
        }

        AssertNone(problems, "probes");
    }

    [Fact]
    public void The_api_runs_several_replicas_that_share_the_redis_backplane_the_signing_key_and_the_artefact_volume()
    {
        var problems = new List<string>();
        var api = Deployment("api");
        var replicas = int.Parse(api.Node.Text("spec", "replicas") ?? "1", CultureInfo.InvariantCulture);
        if (replicas < 2)
        {
            problems.Add($"{api}: {replicas} replica(s), expected at least 2");
        }

        var env = Env(api);
        foreach (var key in new[] { "SignalR__RedisConnectionString", "Auth__SigningKey", "Database__ConnectionString" })
        {
            if (!env.ContainsKey(key))
            {
                problems.Add($"{api}: {key} is not set; every replica needs the same one");
            }
        }

        if (env.GetValueOrDefault("Database__Provider") != "SqlServer")
        {
            problems.Add($"{api}: Database__Provider must be SqlServer (SQLite is a file of one process)");
        }

        var claims = api.Node.Items("spec", "template", "spec", "volumes").Select(v => v.Text("persistentVolumeClaim", "claimName")).OfType<string>().ToList();
        foreach (var claim in claims)
        {
            var pvc = Of("PersistentVolumeClaim").FirstOrDefault(p => p.Name == claim);
            if (pvc is null)
            {
                problems.Add($"{api}: mounts the claim {claim}, which does not exist");
            }
            else if (!pvc.Node.Items("spec", "accessModes").Any(a => ((YamlScalarNode)a).Value == "ReadWriteMany"))
            {
                problems.Add($"{pvc}: mounted by {replicas} api replicas, it must be ReadWriteMany");
            }
        }

        if (claims.Count == 0)
        {
            problems.Add($"{api}: no persistent volume for the artefact store (Artifacts__RootPath)");
        }

        foreach (var deployment in Workers().Append(api))
        {
            if (Env(deployment).GetValueOrDefault("Bus__Transport") != "RabbitMq")
            {
                problems.Add($"{deployment}: Bus__Transport must be RabbitMq (in memory, the api and the workers cannot talk)");
            }
        }

        AssertNone(problems, "the api's replicas");
    }

    [Fact]
    public void Keda_scales_each_worker_deployment_on_exactly_the_job_queues_it_consumes()
    {
        var problems = new List<string>();
        var queues = JobQueues.Kinds.SelectMany(k => JobQueues.HardwareClasses.Select(h => JobQueues.For(k, h))).ToHashSet();
        var scaledObjects = Of("ScaledObject").ToList();
        foreach (var workers in Workers())
        {
            var count = scaledObjects.Count(s => s.Node.Text("spec", "scaleTargetRef", "name") == workers.Name);
            if (count != 1)
            {
                problems.Add($"{workers}: {count} ScaledObjects target it, expected 1");
            }
        }

        foreach (var scaled in scaledObjects)
        {
            var targetName = scaled.Node.Text("spec", "scaleTargetRef", "name");
            var kind = scaled.Node.Text("spec", "scaleTargetRef", "kind") ?? "Deployment";
            var target = Of("Deployment").FirstOrDefault(d => d.Name == targetName);
            if (kind != "Deployment" || target is null)
            {
                problems.Add($"{scaled}: scaleTargetRef {kind} {targetName} is not a Deployment of these manifests");
                continue;
            }

            if (target.Node.At("spec", "replicas") is not null)
            {
                problems.Add($"{target}: sets spec.replicas although {scaled} scales it; each `kubectl apply` would undo the scaling");
            }

            var env = Env(target);
            var perWorker = env.TryGetValue("Worker__MaxConcurrentJobs", out var max) ? max : new WorkerOptions().MaxConcurrentJobs.ToString(CultureInfo.InvariantCulture);
            var kinds = Split(env.GetValueOrDefault("Worker__Kinds")) ?? JobQueues.Kinds;
            var hardware = Split(env.GetValueOrDefault("Worker__HardwareClasses"));
            if (hardware is null)
            {
                problems.Add($"{target}: Worker__HardwareClasses is not set, so which queues it consumes depends on the node; set it");
                continue;
            }

            var consumed = kinds.SelectMany(k => hardware.Select(h => JobQueues.For(k, h))).ToHashSet();
            var triggers = scaled.Node.Items("spec", "triggers").ToList();
            var triggered = new List<string>();
            foreach (var trigger in triggers)
            {
                var queue = trigger.Text("metadata", "queueName") ?? "(none)";
                triggered.Add(queue);
                if (trigger.Text("type") != "rabbitmq" || trigger.Text("metadata", "mode") != "QueueLength")
                {
                    problems.Add($"{scaled}: trigger on {queue} must be type rabbitmq, mode QueueLength");
                }

                if (!queues.Contains(queue))
                {
                    problems.Add($"{scaled}: {queue} is not a job queue (JobQueues: {string.Join(", ", queues.Order())})");
                }
                else if (!consumed.Contains(queue))
                {
                    problems.Add($"{scaled}: scales on {queue}, which {target} does not consume (it takes {string.Join(", ", consumed.Order())})");
                }

                if (trigger.Text("metadata", "value") != perWorker)
                {
                    problems.Add($"{scaled}: trigger on {queue} targets {trigger.Text("metadata", "value")} messages a replica, but a worker runs {perWorker} job(s) at once (Worker__MaxConcurrentJobs)");
                }

                var auth = trigger.Text("authenticationRef", "name");
                if (!Of("TriggerAuthentication").Any(t => t.Name == auth))
                {
                    problems.Add($"{scaled}: trigger on {queue} uses TriggerAuthentication {auth ?? "(none)"}, which does not exist");
                }
            }

            problems.AddRange(consumed.Except(triggered).Select(q => $"{scaled}: {target} consumes {q} but no trigger scales on it"));
            problems.AddRange(triggered.GroupBy(q => q).Where(g => g.Count() > 1).Select(g => $"{scaled}: {g.Key} has {g.Count()} triggers"));

            if (scaled.Node.At("spec", "advanced", "scalingModifiers") is { } modifiers)
            {
                if (modifiers.Text("target") != perWorker)
                {
                    problems.Add($"{scaled}: scalingModifiers.target is {modifiers.Text("target")}, but a worker runs {perWorker} job(s) at once");
                }

                var names = Identifier().Matches(modifiers.Text("formula") ?? "").Select(m => m.Value).ToHashSet();
                problems.AddRange(triggers.Where(t => t.Text("name") is not { } n || !names.Contains(n))
                    .Select(t => $"{scaled}: the trigger on {t.Text("metadata", "queueName")} is not named in the formula, so its queue does not count"));
            }
        }

        Assert.True(scaledObjects.Count >= 2, "expected a ScaledObject for the CPU and for the GPU workers");
        AssertNone(problems, "autoscaling");
    }

    [Fact]
    public void Gpu_workers_request_a_gpu_and_are_scheduled_on_gpu_nodes_and_cpu_workers_do_not()
    {
        var problems = new List<string>();
        var workers = Workers().ToList();
        foreach (var name in new[] { "workers-cpu", "workers-gpu" })
        {
            Assert.True(workers.Any(w => w.Name == name), $"no Deployment {name} running the workers image");
        }

        foreach (var deployment in workers)
        {
            var hardware = Split(Env(deployment).GetValueOrDefault("Worker__HardwareClasses")) ?? [];
            var pod = deployment.Node.At("spec", "template", "spec")!;
            var container = Containers(deployment).First();
            var requested = container.Text("resources", "requests", GpuResource);
            var limited = container.Text("resources", "limits", GpuResource);
            if (hardware.Contains("gpu"))
            {
                if (requested is null || limited is null || int.Parse(limited, CultureInfo.InvariantCulture) < 1)
                {
                    problems.Add($"{deployment}: takes gpu jobs but does not request and limit {GpuResource} (requests: {requested ?? "none"}, limits: {limited ?? "none"})");
                }

                if (pod.At("nodeSelector") is null && pod.At("affinity", "nodeAffinity") is null)
                {
                    problems.Add($"{deployment}: takes gpu jobs but has no nodeSelector or node affinity for GPU nodes");
                }

                if (!pod.Items("tolerations").Any(t => t.Text("key") == GpuResource))
                {
                    problems.Add($"{deployment}: takes gpu jobs but does not tolerate the {GpuResource} taint of GPU nodes");
                }

                if (hardware.Contains("cpu"))
                {
                    problems.Add($"{deployment}: a GPU worker taking cpu jobs would hold a GPU for them");
                }
            }
            else if (requested is not null || limited is not null)
            {
                problems.Add($"{deployment}: takes {string.Join(", ", hardware)} jobs only but holds a GPU");
            }
        }

        AssertNone(problems, "GPU scheduling");
    }

    [Fact]
    public void Workers_get_longer_to_stop_than_their_shutdown_grace()
    {
        var problems = new List<string>();
        foreach (var deployment in Workers())
        {
            var grace = Env(deployment).TryGetValue("Worker__ShutdownGraceSeconds", out var value)
                ? int.Parse(value!, CultureInfo.InvariantCulture)
                : new WorkerOptions().ShutdownGraceSeconds;
            var termination = int.Parse(deployment.Node.Text("spec", "template", "spec", "terminationGracePeriodSeconds") ?? "30", CultureInfo.InvariantCulture);
            if (termination <= grace)
            {
                problems.Add($"{deployment}: terminationGracePeriodSeconds {termination} is not longer than Worker__ShutdownGraceSeconds {grace}: "
                    + "Kubernetes would kill a running job before the worker finishes or hands it back");
            }
        }

        AssertNone(problems, "worker shutdown");
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

    private sealed record Manifest(string File, YamlMappingNode Node)
    {
        public string Kind => Node.Text("kind") ?? "";

        public string Name => Node.Text("metadata", "name") ?? "";

        public override string ToString() => $"{File}: {Kind} {Name}";
    }

    private static IEnumerable<Manifest> Of(string kind) => All.Where(m => m.Kind == kind);

    private static Manifest Deployment(string name) =>
        Of("Deployment").FirstOrDefault(d => d.Name == name) ?? throw new Xunit.Sdk.XunitException($"no Deployment {name} in {Folder}");

    /// <summary>Deployments of the workers image.</summary>
    private static IEnumerable<Manifest> Workers() =>
        Of("Deployment").Where(d => Containers(d).Any(c => c.Text("image")?.Split(':')[0].EndsWith("workers", StringComparison.Ordinal) == true));

    private static IEnumerable<YamlNode> Containers(Manifest deployment) => deployment.Node.Items("spec", "template", "spec", "containers");

    /// <summary>The first container's variables with plain values: its envFrom ConfigMaps, then its env (which wins); valueFrom ones as "".</summary>
    private static Dictionary<string, string?> Env(Manifest deployment)
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
    private static int? ContainerPort(Manifest deployment, string port) =>
        Containers(deployment).SelectMany(c => c.Items("ports"))
            .Where(p => p.Text("name") == port || p.Text("containerPort") == port)
            .Select(p => (int?)int.Parse(p.Text("containerPort")!, CultureInfo.InvariantCulture))
            .FirstOrDefault();

    private static string[]? Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => v.ToLowerInvariant()).ToArray();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();

    /// <summary>
    /// Every object of every YAML file in infra/k8s. A filled-in secret.yaml (git-ignored, real secrets) is never read.
    /// </summary>
    private static List<Manifest> Load()
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
