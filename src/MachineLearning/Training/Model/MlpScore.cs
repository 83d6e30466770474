namespace Platform.MachineLearning.Training.Model;

/// <summary>
/// A multilayer perceptron with one ReLU hidden layer: raw scores = Output(ReLU(Hidden(features))), each layer a
/// <see cref="LinearScore"/> in float. The federated trainer's Mlp, for the ONNX export.
/// </summary>
internal sealed record MlpScore(LinearScore Hidden, LinearScore Output) : ScoreFunction
{
    public override int OutputCount => Output.OutputCount;

    public override int Iterations => 1;

    public override void AddIteration(int iteration, ReadOnlySpan<float> features, Span<double> raw)
    {
        var hidden = Hidden.Score(features);
        var activations = new float[hidden.Length];
        for (var j = 0; j < hidden.Length; j++)
        {
            activations[j] = Math.Max(0f, (float)hidden[j]);
        }

        Output.AddIteration(iteration, activations, raw);
    }
}
