namespace Platform.MachineLearning.Onnx;

/// <summary>The exported graph's input and output names, and the operator-set versions it uses.</summary>
public static class OnnxNames
{
    /// <summary>Input: float [N, F] raw features in <see cref="OnnxModelMetadata.FeatureNames"/> order; NaN = missing.</summary>
    public const string Features = "features";

    /// <summary>
    /// Input of a model with categorical features: string [N, C] raw values in
    /// <see cref="OnnxModelMetadata.CategoricalFeatureNames"/> order; an empty string is missing.
    /// </summary>
    public const string Categories = "categories";

    /// <summary>Classification output: int64 [N], the index of the most probable class.</summary>
    public const string Label = "label";

    /// <summary>Classification output: float [N, classes].</summary>
    public const string Probabilities = "probabilities";

    /// <summary>Regression output: float [N, 1].</summary>
    public const string Score = "score";

    /// <summary>The ai.onnx.ml domain (Imputer, Scaler, TreeEnsembleRegressor).</summary>
    public const string MlDomain = "ai.onnx.ml";

    public const long DefaultOpset = 17;
    public const long MlOpset = 3;

    /// <summary>IR version 8 (ONNX 1.13), the first that carries opset 17.</summary>
    public const long IrVersion = 8;
}
