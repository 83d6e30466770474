using System.Numerics.Tensors;

namespace Platform.MachineLearning.Federated.Training;

/// <summary>
/// The built-in federated trainer's site side (docs/decisions/ADR-009): from the global weights, mini-batch SGD on
/// softmax cross-entropy over the site's rows (already scaled by <see cref="FeatureScaling"/>), shuffled per epoch with
/// a seeded <see cref="Random"/>; FedProx (Li et al. 2020) adds μ(w − w_global) to each batch's gradient, which keeps a
/// site on non-IID data near the global model. Also scores rows with the same forward pass.
/// </summary>
public static class LocalTrainer
{
    /// <summary>Trains from <paramref name="global"/> and returns the delta, the sample count and the last epoch's loss.</summary>
    public static LocalResult Train(
        FederatedModelSpec spec,
        ReadOnlySpan<float> global,
        IReadOnlyList<float[]> rows,
        IReadOnlyList<int> labels,
        LocalTrainingOptions options,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        TrainingRows.Check(spec, global, rows, labels);
        var weights = global.ToArray();
        var gradient = new float[weights.Length];
        var pass = new Backpropagation(spec);
        var order = Enumerable.Range(0, rows.Count).ToArray();
        var random = new Random(options.Seed);
        var epochLoss = 0.0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            epochLoss = 0;
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                ct.ThrowIfCancellationRequested();
                var batch = order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start));
                epochLoss += BatchGradient(pass, weights, global, options.ProximalMu, rows, labels, batch, gradient);
                TensorPrimitives.MultiplyAdd(gradient, (float)-options.LearningRate, weights, weights);
            }
        }

        TensorPrimitives.Subtract(weights, global, weights);
        return new LocalResult(weights, rows.Count, epochLoss / rows.Count);
    }

    /// <summary>The mean cross-entropy and the accuracy (arg-max, first class on ties) of the model on scaled rows.</summary>
    public static (double Loss, double Accuracy) Evaluate(FederatedModelSpec spec, ReadOnlySpan<float> weights, IReadOnlyList<float[]> rows, IReadOnlyList<int> labels)
    {
        TrainingRows.Check(spec, weights, rows, labels);
        var pass = new Backpropagation(spec);
        var (loss, correct) = (0.0, 0);
        for (var r = 0; r < rows.Count; r++)
        {
            loss += pass.Forward(weights, rows[r], labels[r]);
            correct += TensorPrimitives.IndexOfMax(pass.Probabilities) == labels[r] ? 1 : 0;
        }

        return (loss / rows.Count, (double)correct / rows.Count);
    }

    /// <summary>The class probabilities of one scaled row.</summary>
    public static float[] Predict(FederatedModelSpec spec, ReadOnlySpan<float> weights, ReadOnlySpan<float> row)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.CheckWeights(weights, nameof(weights));
        TrainingRows.CheckRow(spec, row, nameof(row));
        var pass = new Backpropagation(spec);
        pass.Forward(weights, row, 0);
        return pass.Probabilities.ToArray();
    }

    /// <summary>
    /// The objective that local training descends, over all rows: mean cross-entropy + μ/2·‖w − w_global‖², written with
    /// its gradient into <paramref name="gradient"/> (the very gradient the SGD steps use; for the gradient check).
    /// </summary>
    internal static double Objective(
        FederatedModelSpec spec, ReadOnlySpan<float> weights, ReadOnlySpan<float> global, double mu, IReadOnlyList<float[]> rows, IReadOnlyList<int> labels, Span<float> gradient)
    {
        TrainingRows.Check(spec, weights, rows, labels);
        spec.CheckWeights(global, nameof(global));
        var all = Enumerable.Range(0, rows.Count).ToArray();
        var crossEntropy = BatchGradient(new Backpropagation(spec), weights, global, mu, rows, labels, all, gradient) / rows.Count;
        var distance = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            distance += (weights[i] - (double)global[i]) * (weights[i] - (double)global[i]);
        }

        return crossEntropy + (mu / 2 * distance);
    }

    /// <summary>Writes the batch's mean cross-entropy gradient plus μ(w − w_global) and returns the batch's summed cross-entropy.</summary>
    private static double BatchGradient(
        Backpropagation pass, ReadOnlySpan<float> weights, ReadOnlySpan<float> global, double mu, IReadOnlyList<float[]> rows, IReadOnlyList<int> labels, ReadOnlySpan<int> batch, Span<float> gradient)
    {
        gradient.Clear();
        var loss = 0.0;
        foreach (var r in batch)
        {
            loss += pass.Backward(weights, rows[r], labels[r], gradient);
        }

        TensorPrimitives.Multiply(gradient, 1f / batch.Length, gradient);
        if (mu > 0)
        {
            TensorPrimitives.MultiplyAdd(weights, (float)mu, gradient, gradient);
            TensorPrimitives.MultiplyAdd(global, (float)-mu, gradient, gradient);
        }

        return loss;
    }
}
