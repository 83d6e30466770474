using System.Globalization;
using Platform.Contracts.Messages.Jobs;
using Platform.Workers;
using static Platform.Api.Tests.Deployment.DeploymentConfiguration;
using static Platform.Api.Tests.Deployment.KubernetesManifests;

namespace Platform.Api.Tests.Deployment;

/// <summary>infra/k8s workers: KEDA scaling on exactly their job queues, GPU scheduling, time to stop.</summary>
public sealed class KubernetesWorkerTests
{
    [Fact]
    public void Keda_scales_each_worker_deployment_on_exactly_the_job_queues_it_consumes()
    {
        var problems = new List<string>();
        var queues = JobQueues.Kinds.SelectMany(k => JobQueues.HardwareClasses.Select(h => JobQueues.For(k, h))).ToHashSet();
        var scaledObjects = Of("ScaledObject").ToList();
        foreach (var workers in KubernetesManifests.Workers())
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
        var workers = KubernetesManifests.Workers().ToList();
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
        foreach (var deployment in KubernetesManifests.Workers())
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
    public void Workers_report_to_the_api_service_by_its_cluster_address()
    {
        var problems = new List<string>();
        var api = Of("Service").Single(s => s.Name == "api");
        var expected = $"http://{api.Name}.{api.Node.Text("metadata", "namespace")}.svc";
        var port = api.Node.Items("spec", "ports").Select(p => p.Text("port")).FirstOrDefault();
        expected += port == "80" ? "" : ":" + port;
        foreach (var deployment in KubernetesManifests.Workers())
        {
            var url = Env(deployment).GetValueOrDefault("Worker__ApiUrl");
            if (url != expected)
            {
                problems.Add($"{deployment}: Worker__ApiUrl is '{url}', expected the api Service at {expected}: lease renewals and job ends go there");
            }
        }

        AssertNone(problems, "worker to api address");
    }
}
