using Microsoft.ML.OnnxRuntime;

namespace Platform.Serving.Models;

/// <summary>
/// Input and output buffers for one batch size, bound to the session once (<see cref="OrtIoBinding"/>), so that a run
/// is a copy in, one native call and a copy out: no tensor, name or result collection is created per call. Only for
/// models whose inputs and outputs have fixed sizes apart from the batch dimension; used by one thread at a time.
/// </summary>
internal sealed class BoundBatch : IDisposable
{
    private readonly OrtIoBinding _binding;
    private readonly OrtValue _inputValue;
    private readonly OrtValue[] _outputValues;

    public BoundBatch(InferenceSession session, ModelSchema schema, int rows)
    {
        var input = schema.Inputs[0];
        Input = new float[rows * RowElements(input)];
        _inputValue = OrtValue.CreateTensorValueFromMemory(Input, Shape(input, rows));
        Outputs = new Array[schema.Outputs.Count];
        _outputValues = new OrtValue[schema.Outputs.Count];
        _binding = session.CreateIoBinding();
        _binding.BindInput(input.Name, _inputValue);
        for (var o = 0; o < Outputs.Length; o++)
        {
            var spec = schema.Outputs[o];
            Outputs[o] = spec.Datatype.NewArray(rows * RowElements(spec));
            _outputValues[o] = Create(Outputs[o], Shape(spec, rows));
            _binding.BindOutput(spec.Name, _outputValues[o]);
        }
    }

    public float[] Input { get; }

    /// <summary>Output elements after <see cref="Run"/>, in the schema's output order.</summary>
    public Array[] Outputs { get; }

    /// <summary>Whether every tensor has a fixed size apart from a dynamic first (batch) dimension.</summary>
    public static bool Supports(ModelSchema schema) =>
        schema.IsBatchable && schema.Outputs.All(o => o.Shape.Skip(1).All(d => d > 0));

    public static int RowElements(TensorSpec spec) => (int)spec.Shape.Skip(1).Aggregate(1L, (product, d) => product * d);

    public void Run(InferenceSession session, RunOptions options) => session.RunWithBinding(options, _binding);

    public void Dispose()
    {
        _binding.Dispose();
        _inputValue.Dispose();
        foreach (var value in _outputValues)
        {
            value.Dispose();
        }
    }

    private static long[] Shape(TensorSpec spec, int rows) => [rows, .. spec.Shape.Skip(1)];

    private static OrtValue Create(Array data, long[] shape) => data switch
    {
        float[] a => OrtValue.CreateTensorValueFromMemory(a, shape),
        double[] a => OrtValue.CreateTensorValueFromMemory(a, shape),
        long[] a => OrtValue.CreateTensorValueFromMemory(a, shape),
        int[] a => OrtValue.CreateTensorValueFromMemory(a, shape),
        bool[] a => OrtValue.CreateTensorValueFromMemory(a, shape),
        _ => throw new NotSupportedException($"No tensor for {data.GetType().Name}."),
    };
}
