using Platform.Contracts.Federated;
using Platform.MachineLearning.Federated.Privacy;
using Platform.MachineLearning.Federated.Training;
using Spec = Platform.MachineLearning.Federated.Training.FederatedModelSpec;

namespace Platform.Edge.Federated;

/// <summary>
/// One round's work on the site: train from the global weights on the local training rows, validate the result on the
/// local held-out rows, and clip and noise the change as the task says. Nothing of it leaves the site but the update.
/// </summary>
internal sealed record SiteTraining(float[] Delta, long Samples, double Loss, int ValidationRows, double? ValidationLoss, double? ValidationAccuracy)
{
    public static SiteTraining Run(FederatedTask task, LocalDataset dataset, float[] global)
    {
        var model = task.Model;
        var spec = Spec(model);
        var scaling = new FeatureScaling(model.ImputationMeans, model.Offset, model.Scale);
        var (rows, labels) = dataset.Rows(model, validation: false);
        var t = task.Training;
        var result = LocalTrainer.Train(spec, global, [.. rows.Select(r => scaling.Apply(r))], labels, new LocalTrainingOptions(t.Epochs, t.BatchSize, t.LearningRate, t.ProximalMu, t.Seed));
        var (validationRows, validationLabels) = dataset.Rows(model, validation: true);
        (double Loss, double Accuracy)? validated = validationRows.Count == 0 ? null
            : LocalTrainer.Evaluate(spec, [.. global.Zip(result.Delta, (g, d) => g + d)], [.. validationRows.Select(r => scaling.Apply(r))], validationLabels);
        var delta = result.Delta;
        if (t.ClipNorm is { } clip)
        {
            UpdateClipping.ClipL2(delta, clip);
        }

        if (t.NoiseStandardDeviation is { } noise)
        {
            GaussianNoise.Add(delta, noise);
        }

        return new SiteTraining(delta, result.Samples, result.Loss, validationRows.Count, validated?.Loss, validated?.Accuracy);
    }

    public static Spec Spec(Contracts.Federated.FederatedModelSpec model) =>
        new(model.Kind == "Mlp" ? FederatedModelKind.Mlp : FederatedModelKind.Softmax, model.Features.Count, model.Classes.Count, model.Hidden);

    public SiteUpdate ToUpdate(byte[] encoded) => new(Convert.ToBase64String(encoded), Samples, Loss, ValidationRows, ValidationLoss, ValidationAccuracy);
}
