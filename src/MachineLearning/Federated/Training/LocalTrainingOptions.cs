namespace Platform.MachineLearning.Federated.Training;

/// <summary>
/// How a site trains in one round: <paramref name="Epochs"/> passes of mini-batch SGD over its rows, shuffled per epoch
/// from <paramref name="Seed"/>, with step <paramref name="LearningRate"/>, and FedProx's proximal weight
/// <paramref name="ProximalMu"/> (0 is plain FedAvg).
/// </summary>
public sealed record LocalTrainingOptions(int Epochs, int BatchSize, double LearningRate, double ProximalMu, int Seed)
{
    /// <summary>The most epochs one round may ask of a site.</summary>
    public const int MaxEpochs = 1000;

    public int Epochs { get; } = Epochs is >= 1 and <= MaxEpochs
        ? Epochs
        : throw new ArgumentException($"Local training runs 1 to {MaxEpochs} epochs, not {Epochs}.", nameof(Epochs));

    public int BatchSize { get; } = BatchSize >= 1
        ? BatchSize
        : throw new ArgumentException($"The batch size is at least 1, not {BatchSize}.", nameof(BatchSize));

    public double LearningRate { get; } = double.IsFinite(LearningRate) && LearningRate > 0
        ? LearningRate
        : throw new ArgumentException($"The learning rate is a finite number above 0, not {LearningRate}.", nameof(LearningRate));

    /// <summary>
    /// FedProx's μ: finite, ≥ 0, and with <see cref="LearningRate"/> · μ under 2, since a step of the proximal term alone
    /// multiplies the distance to the global weights by (1 − learning rate · μ) and would grow it past that.
    /// </summary>
    public double ProximalMu { get; } = double.IsFinite(ProximalMu) && ProximalMu >= 0 && LearningRate * ProximalMu < 2
        ? ProximalMu
        : throw new ArgumentException(
            $"The proximal term μ is a finite number ≥ 0 with learning rate · μ under 2, not μ = {ProximalMu} at learning rate {LearningRate}.", nameof(ProximalMu));

    public int Seed { get; } = Seed;
}
