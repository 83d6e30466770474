using System.Text.Json.Nodes;
using Platform.Contracts.Messages.Jobs;
using Platform.Domain.Jobs;

namespace Platform.Application.Jobs.Commands.SubmitJob;

/// <summary>
/// A built-in Train job's label column is one of the dataset version's columns (and not the column its split is read
/// from), checked on submission from the version's recorded schema: a typo is a 400 naming the columns there are,
/// not a job that starts and fails.
/// </summary>
internal static class TrainingColumns
{
    public static void CheckLabel(SubmitJobCommand command, string dataset, int version, string profileJson, string splitJson)
    {
        if (command.Kind != JobKind.Train || TrainJobParameters.Read(command.ParametersJson!).Value is not { IsScript: false, LabelColumn: { } label })
        {
            return;
        }

        var columns = (JsonNode.Parse(profileJson)?["columns"]?.AsArray() ?? []).Select(c => c?["name"]?.GetValue<string>()).OfType<string>().ToList();
        var splitColumn = JsonNode.Parse(splitJson)?["definition"]?["column"]?.GetValue<string>();
        if (columns.Count == 0 || (columns.Contains(label, StringComparer.Ordinal) && label != splitColumn))
        {
            return; // a version recorded without its schema is checked by the worker
        }

        var candidates = columns.Where(c => c != splitColumn).ToList();
        var problem = label == splitColumn
            ? $"'{label}' is the column the split of {dataset} v{version} is read from; the label is one of: {string.Join(", ", candidates)}"
            : $"{dataset} v{version} has no column '{label}'; its columns are: {string.Join(", ", candidates)}";
        throw RequestValidationException.For("parameters.labelColumn", problem);
    }
}
