using System.Text.Json;
using Platform.Contracts.Messages.Jobs;
using Platform.Workers.Executors;

namespace Platform.Workers.Scripts;

/// <summary>
/// Runs a user's training program as a Train job (trainer <c>Script</c>), by the contract in the README: a clean
/// folder holding the run's artefacts under the code path, the dataset's parts as CSV, environment variables naming
/// the run, the Api, the attempt's token and the folders; the program's stdout lines become metrics, progress and log;
/// its exit code decides the outcome (a failure's reason carries its last lines); the ONNX file it leaves in the output
/// folder becomes the run's model.
/// </summary>
internal sealed class ScriptTrainer(ScriptOptions options)
{
    /// <summary>Variables passed through from the worker's environment; nothing else of it (it holds secrets).</summary>
    private static readonly string[] PassedThrough = ["PATH", "LANG", "LC_ALL", "TZ", "LD_LIBRARY_PATH", "CUDA_VISIBLE_DEVICES", "NVIDIA_VISIBLE_DEVICES"];

    public async Task<string?> RunAsync(JobExecution job, TrainJobParameters p, IJobReporter reporter, CancellationToken cancellationToken)
    {
        var command = p.Command!;
        if (!options.AllowedCommands.Contains(command[0]))
        {
            throw new JobInputException($"'{command[0]}' may not be run on this worker; allowed: {string.Join(", ", options.AllowedCommands)} (Worker:ScriptCommands).");
        }

        using var workspace = ScriptWorkspace.Create(options.WorkRoot, job.JobId, job.Attempt);
        reporter.Progress(0, "preparing", "fetching the program and the data");
        var files = await FetchCodeAsync(job.Api, p.CodePath, workspace, cancellationToken);
        if (p.Dataset is not null)
        {
            await FetchDataAsync(job.Api, p, workspace, cancellationToken);
        }

        var environment = Environment(job, p, workspace);
        var (exitCode, lastLines) = await ScriptProcess.RunAsync(command, workspace.Code, environment, reporter, cancellationToken);
        if (exitCode != 0)
        {
            throw new JobFailedException($"{string.Join(' ', command)} exited with code {exitCode}. Last lines:\n{string.Join('\n', lastLines)}");
        }

        var model = Directory.GetFiles(workspace.Output, "*.onnx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault();
        if (model is not null)
        {
            await job.Api.WriteArtifactAsync(p.ModelPath, await File.ReadAllBytesAsync(model, cancellationToken), cancellationToken);
            reporter.Log($"Stored {Path.GetFileName(model)} as the run's {p.ModelPath}");
        }

        reporter.Progress(100, "done", $"exit code 0; {(model is null ? "no ONNX model in the output folder" : "model stored")}");
        return JsonSerializer.Serialize(new { exitCode, codeFiles = files, modelPath = model is null ? null : p.ModelPath });
    }

    private static async Task<int> FetchCodeAsync(IJobApi api, string codePath, ScriptWorkspace workspace, CancellationToken cancellationToken)
    {
        var prefix = codePath.TrimEnd('/') + "/";
        var paths = await api.ListArtifactsAsync(prefix, cancellationToken);
        if (paths.Count == 0)
        {
            throw new JobInputException($"The run has no artefacts under {prefix}: upload the program there first.");
        }

        foreach (var path in paths)
        {
            var target = ScriptWorkspace.Inside(workspace.Code, path[prefix.Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, await api.ReadArtifactAsync(path, cancellationToken), cancellationToken);
        }

        return paths.Count;
    }

    private static async Task FetchDataAsync(IJobApi api, TrainJobParameters p, ScriptWorkspace workspace, CancellationToken cancellationToken)
    {
        foreach (var split in EvaluateJobParameters.Splits)
        {
            await using var part = await api.OpenDatasetPartAsync(p.Dataset!, p.DatasetVersion, split, cancellationToken);
            await using var file = File.Create(Path.Combine(workspace.Data, split + ".csv"));
            await part.CopyToAsync(file, cancellationToken);
        }
    }

    private static Dictionary<string, string> Environment(JobExecution job, TrainJobParameters p, ScriptWorkspace workspace)
    {
        var environment = PassedThrough
            .Select(name => (name, value: System.Environment.GetEnvironmentVariable(name)))
            .Where(v => v.value is not null)
            .ToDictionary(v => v.name, v => v.value!);
        environment["HOME"] = workspace.Root;
        environment["PYTHONUNBUFFERED"] = "1";
        environment["PLATFORM_JOB_ID"] = job.JobId.ToString();
        environment["PLATFORM_RUN_ID"] = job.RunId?.ToString() ?? "";
        environment["PLATFORM_ATTEMPT"] = job.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["PLATFORM_API_URL"] = job.Api.ApiAddress.ToString().TrimEnd('/');
        environment["PLATFORM_TOKEN"] = job.Api.Token;
        environment["PLATFORM_DATASET_DIR"] = p.Dataset is null ? "" : workspace.Data;
        environment["PLATFORM_OUTPUT_DIR"] = workspace.Output;
        environment["PLATFORM_SEED"] = p.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["PLATFORM_HYPERPARAMETERS"] = JsonSerializer.Serialize(p.HyperparameterTexts());
        return environment;
    }
}

/// <summary>What the worker allows scripts: the programs (Worker:ScriptCommands) and where their folders go.</summary>
internal sealed record ScriptOptions(IReadOnlyCollection<string> AllowedCommands, string WorkRoot);
