using System.Globalization;
using Platform.Contracts.Messages.Jobs;
using Platform.Domain.Runs;

namespace Platform.Application.Jobs.Commands.SubmitJob;

/// <summary>
/// The params a Train job sets on its run when it is submitted, so that runs are searched and compared by how they
/// were trained: the trainer, and for a built-in one the task, label column, seed and every hyper-parameter with the
/// defaults filled in; for a Script job the hyper-parameters it is given.
/// </summary>
internal static class TrainingRunParams
{
    public static IReadOnlyList<KeyValuePair<string, string>> Of(TrainJobParameters job, IHyperparameterRules rules)
    {
        var given = job.HyperparameterTexts();
        var parameters = new List<KeyValuePair<string, string>> { new("trainer", job.Trainer!) };
        if (job.IsScript)
        {
            parameters.AddRange(given.Where(p => TrackingKey.IsValid(p.Key) && p.Value.Length <= RunParam.MaxValueLength));
            return parameters;
        }

        parameters.Add(new("task", job.Task!));
        parameters.Add(new("labelColumn", job.LabelColumn!));
        parameters.Add(new("seed", job.Seed.ToString(CultureInfo.InvariantCulture)));
        parameters.AddRange(rules.Resolve(job.Trainer!, given).OrderBy(p => p.Key, StringComparer.Ordinal));
        return parameters;
    }
}
