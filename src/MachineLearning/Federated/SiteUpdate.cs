namespace Platform.MachineLearning.Federated;

/// <summary>One site's update in a round: the change to the global weights it proposes, and how many samples it trained on.</summary>
public sealed record SiteUpdate(float[] Delta, long Samples);
