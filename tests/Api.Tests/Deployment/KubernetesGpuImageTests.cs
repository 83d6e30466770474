using static Platform.Api.Tests.Deployment.DeploymentConfiguration;
using static Platform.Api.Tests.Deployment.KubernetesManifests;

namespace Platform.Api.Tests.Deployment;

/// <summary>
/// GPU workers run the image built with ONNX Runtime's GPU flavour and ask for CUDA; CPU workers run the CPU flavour
/// (its native files are ~330 MB, so only the GPU image carries them).
/// </summary>
public sealed class KubernetesGpuImageTests
{
    private const string GpuFlavour = "-p:OnnxRuntimeFlavour=Gpu";

    [Fact]
    public void Gpu_workers_run_the_gpu_flavour_image_and_ask_for_cuda_and_cpu_workers_run_the_cpu_flavour()
    {
        var problems = new List<string>();
        foreach (var deployment in KubernetesManifests.Workers())
        {
            var env = Env(deployment);
            var gpu = (Split(env.GetValueOrDefault("Worker__HardwareClasses")) ?? []).Contains("gpu");
            var image = Containers(deployment).First().Text("image")!.Split(':')[0];
            var dockerfile = Path.Combine(Root, "infra", "docker", image.Split('/')[^1] + ".Dockerfile");
            if (!File.Exists(dockerfile))
            {
                problems.Add($"{deployment}: image {image} has no {Path.GetRelativePath(Root, dockerfile)} to build it");
                continue;
            }

            var gpuBuild = File.ReadAllText(dockerfile).Contains(GpuFlavour, StringComparison.Ordinal);
            if (gpu != gpuBuild)
            {
                problems.Add($"{deployment}: takes {(gpu ? "gpu" : "cpu")} jobs but its image is built {(gpuBuild ? "with" : "without")} {GpuFlavour}");
            }

            var provider = env.GetValueOrDefault("Worker__ExecutionProvider") ?? "Cpu";
            if (gpu != (provider == "Cuda"))
            {
                problems.Add($"{deployment}: takes {(gpu ? "gpu" : "cpu")} jobs but Worker__ExecutionProvider is {provider}");
            }
        }

        Assert.Contains(KubernetesManifests.Workers(), w => w.Name == "workers-gpu");
        AssertNone(problems, "GPU images");
    }

    [Fact]
    public void Every_image_the_kustomization_names_is_built_by_the_dockerfile_it_names()
    {
        var kustomization = File.ReadAllText(Path.Combine(Folder, "kustomization.yaml"));
        foreach (var image in KubernetesManifests.Workers().Select(w => Containers(w).First().Text("image")!.Split(':')[0]).Distinct())
        {
            Assert.Contains($"- name: {image}\n", kustomization, StringComparison.Ordinal);
            Assert.Contains($"built from infra/docker/{image.Split('/')[^1]}.Dockerfile", kustomization, StringComparison.Ordinal);
        }
    }
}
