namespace Platform.Domain.Federated;

/// <summary>
/// The model a federation trains, fixed when its first round opens from the sites' dataset summaries (never their
/// rows): the numeric features in input order, the classes in output order, and the normalisation every site applies
/// (missing values become <see cref="ImputationMeans"/>, then <c>(x − offset) · scale</c>).
/// </summary>
public sealed record FederatedModelShape(IReadOnlyList<string> Features, IReadOnlyList<string> Classes, float[] ImputationMeans, float[] Offset, float[] Scale)
{
    /// <summary>How many weights the model has for <paramref name="model"/> (softmax: W and b; MLP: W1, b1, W2, b2).</summary>
    public int ParameterCount(FederatedModelPlan model) => model.Kind == FederatedModelKind.Softmax
        ? (Classes.Count * Features.Count) + Classes.Count
        : (model.Hidden * Features.Count) + model.Hidden + (Classes.Count * model.Hidden) + Classes.Count;
}
