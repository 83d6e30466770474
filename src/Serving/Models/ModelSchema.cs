using Microsoft.ML.OnnxRuntime;
using Platform.MachineLearning.Onnx;

namespace Platform.Serving.Models;

/// <summary>
/// A model's inputs and outputs as its ONNX graph declares them, and, for models that Platform exported, what their
/// metadata says (feature names, classes). Requests are validated against this.
/// </summary>
public sealed class ModelSchema
{
    private ModelSchema(IReadOnlyList<TensorSpec> inputs, IReadOnlyList<TensorSpec> outputs, OnnxModelMetadata? platform)
    {
        Inputs = inputs;
        Outputs = outputs;
        Platform = platform;
        InputNames = [.. inputs.Select(i => i.Name)];
        OutputNames = [.. outputs.Select(o => o.Name)];
        IsBatchable = inputs.Count == 1
            && inputs[0].Datatype == TensorDatatype.Fp32
            && inputs[0].HasDynamicBatch
            && inputs[0].Shape.Skip(1).All(d => d > 0)
            && outputs.All(o => o.HasDynamicBatch && o.Datatype != TensorDatatype.Unsupported);
        if (Platform is not null && IsBatchable && inputs[0].Shape.Count == 2 && inputs[0].Shape[1] == Platform.FeatureNames.Count)
        {
            FeatureNames = Platform.FeatureNames;
        }
        else if (Platform is { CategoricalFeatureNames.Count: > 0 } && HasCategoricalLayout(inputs, Platform))
        {
            FeatureNames = Platform.FeatureNames;
            CategoricalFeatureNames = Platform.CategoricalFeatureNames;
        }
    }

    public IReadOnlyList<TensorSpec> Inputs { get; }

    public IReadOnlyList<TensorSpec> Outputs { get; }

    public string[] InputNames { get; }

    public string[] OutputNames { get; }

    /// <summary>What a Platform-exported model says about itself; <c>null</c> for other ONNX models.</summary>
    public OnnxModelMetadata? Platform { get; }

    /// <summary>
    /// One FP32 input and every output with a dynamic first dimension (Platform's own models: <c>features</c>
    /// [N, F] to <c>label</c> [N] and <c>probabilities</c> [N, C]): requests are stacked into micro-batches.
    /// </summary>
    public bool IsBatchable { get; }

    /// <summary>Numeric feature names in input column order, when the JSON-records endpoint can map records to the input.</summary>
    public IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>
    /// For a Platform model with categorical features (inputs <c>features</c> FP32 [N, F] and <c>categories</c> BYTES
    /// [N, C]): their names in the <c>categories</c> column order; empty otherwise.
    /// </summary>
    public IReadOnlyList<string> CategoricalFeatureNames { get; } = [];

    public static ModelSchema Read(InferenceSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var inputs = session.InputNames.Select(n => Spec(n, session.InputMetadata[n])).ToArray();
        var outputs = session.OutputNames.Select(n => Spec(n, session.OutputMetadata[n])).ToArray();
        return new ModelSchema(inputs, outputs, ReadPlatformMetadata(session));
    }

    public TensorSpec? FindInput(string name)
    {
        foreach (var input in Inputs)
        {
            if (input.Name == name)
            {
                return input;
            }
        }

        return null;
    }

    /// <summary>Inputs <c>categories</c> BYTES [-1, C] and, when there are numeric features, <c>features</c> FP32 [-1, F].</summary>
    private static bool HasCategoricalLayout(IReadOnlyList<TensorSpec> inputs, OnnxModelMetadata platform)
    {
        static bool Table(TensorSpec? spec, TensorDatatype datatype, int width) =>
            spec is not null && spec.Datatype == datatype && spec.HasDynamicBatch && spec.Shape.Count == 2 && spec.Shape[1] == width;

        var numeric = platform.FeatureNames.Count;
        return inputs.Count == (numeric > 0 ? 2 : 1)
            && Table(inputs.FirstOrDefault(i => i.Name == OnnxNames.Categories), TensorDatatype.Bytes, platform.CategoricalFeatureNames.Count)
            && (numeric == 0 || Table(inputs.FirstOrDefault(i => i.Name == OnnxNames.Features), TensorDatatype.Fp32, numeric));
    }

    private static TensorSpec Spec(string name, NodeMetadata node)
    {
        var datatype = node.IsTensor ? TensorDatatypes.FromOrt(node.ElementDataType) : TensorDatatype.Unsupported;
        return new TensorSpec(name, datatype, [.. node.Dimensions.Select(d => (long)(d <= 0 ? -1 : d))]);
    }

    private static OnnxModelMetadata? ReadPlatformMetadata(InferenceSession session)
    {
        var properties = session.ModelMetadata.CustomMetadataMap;
        if (!properties.ContainsKey(OnnxModelMetadata.FeatureNamesKey))
        {
            return null;
        }

        try
        {
            return OnnxModelMetadata.FromProperties(properties);
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException or FormatException or ArgumentException)
        {
            return null;
        }
    }
}
