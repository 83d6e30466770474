using Microsoft.ML.OnnxRuntime;
using Platform.MachineLearning.Onnx.Proto;

namespace Platform.MachineLearning.Tests.Onnx;

public sealed class OnnxProtoWriterTests
{
    [Fact]
    public void A_hand_built_graph_loads_in_onnx_runtime_and_computes_its_result()
    {
        var model = new OnnxModel(
            8,
            "Platform",
            "test",
            "y = x * w",
            new Dictionary<string, long> { [""] = 17 },
            new OnnxGraph(
                "scale",
                [new OnnxNode("Mul", ["x", "w"], ["y"], "mul", "", [])],
                [OnnxTensor.Floats("w", [2], [2f, -0.5f])],
                [new OnnxValueInfo("x", OnnxDataType.Float, [null, 2])],
                [new OnnxValueInfo("y", OnnxDataType.Float, [null, 2])]),
            new Dictionary<string, string> { ["purpose"] = "test" });

        using var session = new InferenceSession(OnnxProtoWriter.Serialize(model));
        using var input = OrtValue.CreateTensorValueFromMemory(new[] { 3f, 4f, -1f, 8f }, [2, 2]);
        using var outputs = session.Run(new RunOptions(), ["x"], [input], ["y"]);

        Assert.Equal([6f, -2f, -2f, -4f], outputs[0].GetTensorDataAsSpan<float>().ToArray());
        Assert.Equal("test", session.ModelMetadata.CustomMetadataMap["purpose"]);
        Assert.Equal("Platform", session.ModelMetadata.ProducerName);
    }
}
