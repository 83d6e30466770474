using System.ComponentModel.DataAnnotations;

namespace Platform.Web.Api;

/// <summary>The launch-training form: what a Train job needs, checked in the browser before the Api checks it again.</summary>
public sealed class TrainingRequest
{
    [Required(ErrorMessage = "Pick an experiment.")]
    public Experiment? Experiment { get; set; }

    [Required(ErrorMessage = "Pick a dataset version.")]
    public DatasetInfo? Dataset { get; set; }

    [Required(ErrorMessage = "Name the label column.")]
    [StringLength(250)]
    public string LabelColumn { get; set; } = "";

    public string Task { get; set; } = "BinaryClassification";

    public string Trainer { get; set; } = "LightGbm";

    public string HardwareClass { get; set; } = "Cpu";

    [Range(1, 10_000, ErrorMessage = "Rounds are 1 to 10,000.")]
    public int? NumberOfIterations { get; set; }

    [Range(1e-6, 1.0, ErrorMessage = "The learning rate is above 0 and at most 1.")]
    public double? LearningRate { get; set; }

    public object Parameters() => new
    {
        dataset = Dataset!.Name,
        datasetVersion = Dataset.Version,
        labelColumn = LabelColumn,
        task = Task,
        trainer = Trainer,
        hyperparameters = Hyperparameters(),
    };

    private Dictionary<string, object> Hyperparameters()
    {
        var values = new Dictionary<string, object>();
        if (NumberOfIterations is { } rounds)
        {
            values["numberOfIterations"] = rounds;
        }

        if (LearningRate is { } rate)
        {
            values["learningRate"] = rate;
        }

        return values;
    }
}
