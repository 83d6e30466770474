namespace Platform.MachineLearning.Onnx.Proto;

/// <summary>A NodeProto: one operator call.</summary>
internal sealed record OnnxNode(
    string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, string Name, string Domain, IReadOnlyList<OnnxAttribute> Attributes);

/// <summary>A ValueInfoProto for a tensor; a dimension is a fixed size or, when <c>null</c>, the symbolic batch size "N".</summary>
internal sealed record OnnxValueInfo(string Name, OnnxDataType ElementType, IReadOnlyList<long?> Shape);

/// <summary>A GraphProto.</summary>
internal sealed record OnnxGraph(
    string Name,
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyList<OnnxTensor> Initializers,
    IReadOnlyList<OnnxValueInfo> Inputs,
    IReadOnlyList<OnnxValueInfo> Outputs);

/// <summary>A ModelProto: IR version, producer, operator sets, graph and metadata properties.</summary>
internal sealed record OnnxModel(
    long IrVersion,
    string ProducerName,
    string ProducerVersion,
    string DocString,
    IReadOnlyDictionary<string, long> OperatorSets,
    OnnxGraph Graph,
    IReadOnlyDictionary<string, string> Metadata);
