namespace Platform.MachineLearning.Federated.Training;

/// <summary>
/// What a site's local training gives back: <paramref name="Delta"/> = local weights − global weights,
/// <paramref name="Samples"/> = the rows trained on (FedAvg's weight), and <paramref name="Loss"/> = the mean
/// cross-entropy of the rows over the last epoch, each taken as its batch was about to be stepped.
/// </summary>
public sealed record LocalResult(float[] Delta, long Samples, double Loss)
{
    /// <summary>The update that the aggregation strategies take.</summary>
    public SiteUpdate ToUpdate() => new(Delta, Samples);
}
