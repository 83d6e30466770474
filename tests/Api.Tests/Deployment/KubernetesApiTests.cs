using System.Globalization;
using YamlDotNet.RepresentationModel;
using static Platform.Api.Tests.Deployment.DeploymentConfiguration;
using static Platform.Api.Tests.Deployment.KubernetesManifests;

namespace Platform.Api.Tests.Deployment;

/// <summary>infra/k8s against what the api serves: ports, services, ingress, probes, and replicas sharing their state.</summary>
public sealed class KubernetesApiTests
{
    [Fact]
    public void The_api_and_web_listen_on_8080_and_every_service_and_ingress_points_at_a_port_that_exists()
    {
        var problems = new List<string>();
        foreach (var name in new[] { "api", "web" })
        {
            var deployment = KubernetesManifests.Deployment(name);
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
        var api = KubernetesManifests.Deployment("api");
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
        var api = KubernetesManifests.Deployment("api");
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

        foreach (var deployment in KubernetesManifests.Workers().Append(api))
        {
            if (Env(deployment).GetValueOrDefault("Bus__Transport") != "RabbitMq")
            {
                problems.Add($"{deployment}: Bus__Transport must be RabbitMq (in memory, the api and the workers cannot talk)");
            }
        }

        AssertNone(problems, "the api's replicas");
    }
}
