using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Platform.Web.Api;

/// <summary>The launch-training form: what a Train job needs, checked in the browser before the Api checks it again.</summary>
public sealed class TrainingRequest
{
    [Required(ErrorMessage = "Pick an experiment.")]
    public Experiment? Experiment { get; set; }

    [StringLength(250, ErrorMessage = "A run name is at most 250 characters.")]
    public string? RunName { get; set; }

    [Required(ErrorMessage = "Pick a dataset version.")]
    public DatasetInfo? Dataset { get; set; }

    [Required(ErrorMessage = "Name the label column.")]
    [StringLength(250)]
    public string LabelColumn { get; set; } = "";

    public string Task { get; set; } = "BinaryClassification";

    public string Trainer { get; set; } = "LightGbm";

    public string HardwareClass { get; set; } = "Cpu";

    /// <summary>Each hyper-parameter's value as typed, by name; blank leaves the trainer's default.</summary>
    public Dictionary<string, string?> Hyperparameters { get; } = [];

    /// <summary>Starts the hyper-parameters afresh at <paramref name="trainer"/>'s defaults.</summary>
    public void UseDefaultsOf(TrainerInfo? trainer)
    {
        Hyperparameters.Clear();
        foreach (var h in trainer?.Hyperparameters ?? [])
        {
            Hyperparameters[h.Name] = h.Default;
        }
    }

    public object Parameters() => new
    {
        dataset = Dataset!.Name,
        datasetVersion = Dataset.Version,
        labelColumn = LabelColumn,
        task = Task,
        trainer = Trainer,
        hyperparameters = Given(),
    };

    /// <summary>The values given, numbers as numbers (a text that is not one goes as typed, for the Api to name).</summary>
    private Dictionary<string, object> Given() => Hyperparameters
        .Where(h => !string.IsNullOrWhiteSpace(h.Value))
        .ToDictionary(h => h.Key, h => double.TryParse(h.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number == Math.Floor(number) && Math.Abs(number) < 1e15 ? (object)(long)number : number
            : h.Value!.Trim());
}
