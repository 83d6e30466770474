using Platform.Web.Api;

namespace Platform.Web.Components.Pages;

/// <summary>
/// The launch form: experiment, run name, a dataset version and a label column from its schema, the trainer's
/// hyper-parameters at their defaults, and GPU only while a GPU worker is online.
/// </summary>
public partial class LaunchTraining
{
    /// <summary>Hyper-parameters shown at once; the rest are behind "More".</summary>
    private const int MainCount = 4;

    private readonly TrainingRequest _form = new();
    private IReadOnlyList<Experiment> _experiments = [];
    private IReadOnlyList<DatasetInfo> _datasets = [];
    private IReadOnlyList<TrainerInfo> _trainers = [];
    private DatasetSchema? _schema;
    private bool _gpuOnline;

    private TrainerInfo? Trainer => _trainers.FirstOrDefault(t => t.Name == _form.Trainer);

    protected override async Task LoadAsync()
    {
        var experiments = Api.ExperimentsAsync(100, null);
        var datasets = Api.DatasetsAsync(100);
        var trainers = Api.TrainersAsync();
        var workers = Api.WorkersAsync(online: true);
        (_experiments, _datasets, _trainers) = ((await experiments).Items, (await datasets).Items, await trainers);
        _gpuOnline = (await workers).Any(w => w.HardwareClasses.Any(c => string.Equals(c, "gpu", StringComparison.OrdinalIgnoreCase)));
        _form.UseDefaultsOf(Trainer);
    }

    private async Task PickDatasetAsync(DatasetInfo? dataset)
    {
        (_form.Dataset, _schema) = (dataset, null);
        if (dataset is null)
        {
            return;
        }

        DatasetSchema? schema = null;
        if (await TryAsync(async () => schema = await Api.DatasetSchemaAsync(dataset.Name, dataset.Version)))
        {
            _schema = schema;
            if (!schema!.Columns.Contains(_form.LabelColumn))
            {
                _form.LabelColumn = "";
            }
        }
    }

    private void PickTrainer(string trainer)
    {
        _form.Trainer = trainer;
        _form.UseDefaultsOf(Trainer);
    }

    private static string Label(string trainer) => trainer switch
    {
        "LightGbm" => "LightGBM",
        _ => trainer,
    };

    private async Task LaunchAsync()
    {
        JobInfo? job = null;
        if (await TryAsync(async () => job = await Api.LaunchTrainingAsync(_form.Experiment!.Id, _form)))
        {
            Navigation.NavigateTo($"/jobs/{job!.Id}");
        }
    }
}
