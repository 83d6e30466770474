namespace Platform.Domain.Federated;

/// <summary>
/// What one site sent for one phase of one round, once: its bytes (an update, masked under secure aggregation; keys;
/// encrypted shares; revealed shares) with their SHA-256, so that a repeat of the same bytes is recognised and different
/// bytes are refused, and the figures it reported with an update. An update's bytes are dropped once the round is
/// aggregated (<see cref="Discard"/>); its figures stay.
/// </summary>
public sealed class FederationSubmission
{
    private FederationSubmission()
    {
        Payload = [];
        Sha256 = string.Empty;
    }

    public Guid RoundId { get; private set; }
    public Guid DeviceId { get; private set; }
    public RoundPhase Phase { get; private set; }
    public byte[] Payload { get; private set; }
    public string Sha256 { get; private set; }
    public long Bytes { get; private set; }
    public long Samples { get; private set; }
    public double? TrainingLoss { get; private set; }
    public long ValidationSamples { get; private set; }
    public double? ValidationLoss { get; private set; }
    public double? ValidationAccuracy { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    public static FederationSubmission Of(Guid roundId, Guid deviceId, RoundPhase phase, byte[] payload, string sha256, SiteFigures figures, DateTimeOffset now) => new()
    {
        RoundId = roundId, DeviceId = deviceId, Phase = phase, Payload = payload, Sha256 = sha256, Bytes = payload.Length, Samples = figures.Samples,
        TrainingLoss = figures.TrainingLoss, ValidationSamples = figures.ValidationSamples, ValidationLoss = figures.ValidationLoss,
        ValidationAccuracy = figures.ValidationAccuracy, ReceivedAt = now,
    };

    public void Discard() => Payload = [];
}

/// <summary>What a site reports with its update: samples trained on, its training loss, and its local validation.</summary>
public sealed record SiteFigures(long Samples, double? TrainingLoss, long ValidationSamples, double? ValidationLoss, double? ValidationAccuracy)
{
    public static SiteFigures None { get; } = new(0, null, 0, null, null);
}
