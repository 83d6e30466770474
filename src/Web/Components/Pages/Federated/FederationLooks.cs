using System.Globalization;
using MudBlazor;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Federated;

/// <summary>How the federated-training pages colour and word states, strategies and figures, in one place so that every page says them alike.</summary>
public static class FederationLooks
{
    /// <summary>A federation's state, or one round's.</summary>
    public static Color State(string state) => state switch
    {
        "Completed" or "Aggregated" => Color.Success,
        "Failed" => Color.Error,
        "Stopped" or "Waiting" => Color.Warning,
        "Running" or "Open" => Color.Info,
        _ => Color.Default,
    };

    /// <summary>How the reason under a federation's title reads: waiting is a warning, a failure an error, the rest information.</summary>
    public static Severity ReasonSeverity(string state) => state switch
    {
        "Failed" => Severity.Error,
        "Waiting" or "Stopped" => Severity.Warning,
        _ => Severity.Info,
    };

    /// <summary>"Trimmed mean" for TrimmedMean; the Fed… names as their papers write them.</summary>
    public static string StrategyName(string kind) => kind switch
    {
        "TrimmedMean" => "Trimmed mean",
        _ => kind,
    };

    /// <summary>The strategy with the parameter that matters to it: "FedProx (μ 0.01)", "Trimmed mean (10 % trimmed)".</summary>
    public static string Strategy(StrategyInfo strategy) => strategy.Kind switch
    {
        "FedProx" => $"FedProx (μ {Number(strategy.ProximalMu)})",
        "FedAdam" or "FedYogi" => $"{strategy.Kind} (server learning rate {Number(strategy.ServerLearningRate)})",
        "TrimmedMean" => $"Trimmed mean ({Percent(strategy.TrimShare)} trimmed each end)",
        "Krum" => $"Krum (tolerating {strategy.Byzantine ?? 0} faulty)",
        _ => StrategyName(strategy.Kind),
    };

    /// <summary>"MLP, one hidden layer of 32 units" or "Softmax regression".</summary>
    public static string Model(FederatedModelInfo model) => model.Kind == "Mlp" ? $"MLP, one hidden layer of {model.Hidden} units" : "Softmax regression";

    public static string Compression(CompressionInfo compression) =>
        (compression.Encoding == "Int8" ? "int8, stochastic rounding" : "float32") + (compression.TopK is { } k ? $", top {k:N0} changes only" : "");

    /// <summary>ε as spent so far, with its budget when there is one; "—" before any round counted.</summary>
    public static string Epsilon(double? spent, PrivacyInfo? privacy) => privacy is null ? "no differential privacy"
        : (spent is { } e ? Number(e) : "—") + (privacy.EpsilonBudget is { } budget ? $" of {Number(budget)}" : "");

    public static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "—";

    /// <summary>A small number such as δ in scientific notation: "1e-05".</summary>
    public static string Small(double value) => value.ToString(value is > 0 and < 0.001 ? "0.##e+00" : "0.####", CultureInfo.InvariantCulture);

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %" : "—";

    /// <summary>Bytes as people read them: "812 B", "3.2 KiB", "1.5 MiB".</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KiB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " MiB",
    };
}
