using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Messages.Jobs;
using Platform.Domain.Deployments;
using Platform.Domain.Jobs;
using Platform.Domain.Registry;

namespace Platform.Application.Deployments;

/// <summary>
/// The Deploy job that validates a revision's new versions on the deployment's hardware class: which versions, the
/// dataset each was trained on (its sample rows), and the inputs of the version that has the traffic now (the schema
/// the new ones must match).
/// </summary>
internal static class DeployJobs
{
    public static async Task<Job> SubmitAsync(
        IPlatformDbContext db, ICurrentUser user, Jobs.JobOptions options, Deployment deployment, RegisteredModel model, DeploymentRevision revision,
        DeploymentRevision? active, IReadOnlyList<ModelVersion> versions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var toValidate = deployment.NeedingValidation(revision.Traffic);
        var reference = active?.Traffic.Versions.Where(v => !v.Canary).OrderByDescending(v => v.Weight).ThenBy(v => v.Version).FirstOrDefault()?.Version;
        var referenceInputs = reference is { } number
            ? await db.ModelVersions.Where(v => v.ModelId == model.Id && v.Number == number).Select(v => v.InputSchemaJson).SingleOrDefaultAsync(cancellationToken)
            : null;
        var parameters = new DeployJobParameters(
            deployment.Name, revision.Number, model.Name,
            [.. versions.Where(v => toValidate.Contains(v.Number)).OrderBy(v => v.Number).Select(Input)],
            referenceInputs is null ? null : reference,
            referenceInputs is null ? null : JsonSerializer.Deserialize<List<DeployTensor>>(referenceInputs, DeploymentMapping.Json));
        return Job.Submit(
            JobKind.Deploy, deployment.HardwareClass, JsonSerializer.Serialize(parameters, JobParametersJson.Options), null, user.Name, user.UserId,
            options.DefaultTimeoutSeconds, options.DefaultMaxAttempts, now);
    }

    /// <summary>The version with the dataset version its lineage names (the sample rows) and its label column.</summary>
    private static DeployVersionInput Input(ModelVersion version)
    {
        var lineage = JsonNode.Parse(version.LineageJson);
        return lineage?["dataset"] is JsonObject { } dataset && dataset["name"]?.GetValue<string>() is { } name
            ? new DeployVersionInput(version.Number, name, dataset["version"]?.GetValue<int>() ?? 0, lineage["labelColumn"]?.GetValue<string>())
            : new DeployVersionInput(version.Number);
    }
}
