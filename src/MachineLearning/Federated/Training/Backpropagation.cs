using System.Numerics.Tensors;

namespace Platform.MachineLearning.Federated.Training;

/// <summary>
/// One row's forward pass (probabilities and cross-entropy) and backward pass (the cross-entropy's gradient added to a
/// flat gradient in <see cref="FederatedModelSpec"/>'s layout), with the buffers for both, so a training loop allocates
/// nothing per row. Not thread-safe: one per loop.
/// </summary>
internal sealed class Backpropagation(FederatedModelSpec spec)
{
    private readonly float[] _hidden = new float[spec.Hidden];
    private readonly float[] _hiddenGradient = new float[spec.Hidden];
    private readonly float[] _outputs = new float[spec.Classes];

    /// <summary>The last forward pass's class probabilities (overwritten by a backward pass).</summary>
    public ReadOnlySpan<float> Probabilities => _outputs;

    /// <summary>Computes <see cref="Probabilities"/> and returns −log p(<paramref name="label"/>) (log-sum-exp, so never infinite).</summary>
    public double Forward(ReadOnlySpan<float> weights, ReadOnlySpan<float> row, int label)
    {
        var input = Input(weights, row);
        var width = spec.OutputInputs;
        var outputWeights = weights.Slice(spec.OutputWeightsOffset, spec.Classes * width);
        for (var c = 0; c < _outputs.Length; c++)
        {
            _outputs[c] = TensorPrimitives.Dot(outputWeights.Slice(c * width, width), input) + weights[spec.OutputBiasOffset + c];
        }

        TensorPrimitives.Subtract(_outputs, TensorPrimitives.Max(_outputs), _outputs);
        var labelLogit = _outputs[label];
        TensorPrimitives.Exp(_outputs, _outputs);
        var sum = TensorPrimitives.Sum(_outputs);
        TensorPrimitives.Divide(_outputs, sum, _outputs);
        return Math.Log(sum) - labelLogit;
    }

    /// <summary>Adds the gradient of this row's cross-entropy to <paramref name="gradient"/> and returns the cross-entropy.</summary>
    public double Backward(ReadOnlySpan<float> weights, ReadOnlySpan<float> row, int label, Span<float> gradient)
    {
        var loss = Forward(weights, row, label);
        _outputs[label] -= 1; // ∂loss/∂logit = p − one-hot(label)
        ReadOnlySpan<float> input = spec.Kind == FederatedModelKind.Mlp ? _hidden : row;
        var width = spec.OutputInputs;
        var outputWeights = weights.Slice(spec.OutputWeightsOffset, spec.Classes * width);
        var outputGradient = gradient.Slice(spec.OutputWeightsOffset, spec.Classes * width);
        for (var c = 0; c < _outputs.Length; c++)
        {
            var slice = outputGradient.Slice(c * width, width);
            TensorPrimitives.MultiplyAdd(input, _outputs[c], slice, slice);
            gradient[spec.OutputBiasOffset + c] += _outputs[c];
        }

        if (spec.Kind == FederatedModelKind.Mlp)
        {
            BackwardHidden(outputWeights, row, gradient);
        }

        return loss;
    }

    /// <summary>What the output layer reads: ReLU(W1·x + b1) for an Mlp, the row itself for Softmax.</summary>
    private ReadOnlySpan<float> Input(ReadOnlySpan<float> weights, ReadOnlySpan<float> row)
    {
        if (spec.Kind != FederatedModelKind.Mlp)
        {
            return row;
        }

        var features = spec.Features;
        for (var j = 0; j < _hidden.Length; j++)
        {
            var z = TensorPrimitives.Dot(weights.Slice(j * features, features), row) + weights[spec.HiddenBiasOffset + j];
            _hidden[j] = z > 0 ? z : 0;
        }

        return _hidden;
    }

    /// <summary>∂loss/∂hidden = W2ᵀ·(p − y), through the ReLU (0 where the unit was off), into W1 and b1.</summary>
    private void BackwardHidden(ReadOnlySpan<float> outputWeights, ReadOnlySpan<float> row, Span<float> gradient)
    {
        var width = spec.Hidden;
        Array.Clear(_hiddenGradient);
        for (var c = 0; c < _outputs.Length; c++)
        {
            TensorPrimitives.MultiplyAdd(outputWeights.Slice(c * width, width), _outputs[c], _hiddenGradient, _hiddenGradient);
        }

        var features = spec.Features;
        for (var j = 0; j < width; j++)
        {
            if (_hidden[j] <= 0)
            {
                continue;
            }

            var slice = gradient.Slice(j * features, features);
            TensorPrimitives.MultiplyAdd(row, _hiddenGradient[j], slice, slice);
            gradient[spec.HiddenBiasOffset + j] += _hiddenGradient[j];
        }
    }
}
