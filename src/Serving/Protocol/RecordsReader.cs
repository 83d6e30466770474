using System.Buffers;
using System.Text;
using System.Text.Json;
using Platform.MachineLearning.Onnx;
using Platform.Serving.Models;
using static Platform.Serving.Protocol.InvalidInputException;

namespace Platform.Serving.Protocol;

/// <summary>
/// Reads the JSON-records body of <c>/predict</c>, <c>{"records": [...]}</c>, straight from the request bytes into the
/// model's inputs: FP32 <c>features</c> [N, F] and, for a model with categorical features, BYTES <c>categories</c>
/// [N, C] holding their raw values. A record is either an object of feature name to value (names from the model's
/// Platform metadata; every feature is required, <c>null</c> means missing: NaN for a number, which the model imputes,
/// the empty string for a category, which it encodes as unknown) or an array of F + C values in the model's feature
/// order (numeric, then categorical). Numbers take numbers, <c>null</c>, and "NaN", "Infinity", "-Infinity";
/// categories take strings, numbers (as written) and booleans.
/// </summary>
public sealed class RecordsReader
{
    public const int MaxRecords = 65_536;

    private readonly string _input;
    private readonly int _features;
    private readonly int _categories;
    private readonly byte[][] _names;
    private readonly string[] _featureNames;

    public RecordsReader(ModelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _categories = schema.CategoricalFeatureNames.Count;
        var spec = schema.Inputs.Count == 1 ? schema.Inputs[0] : null;
        if (_categories == 0 && (spec is null || !schema.IsBatchable || spec.Shape.Count != 2))
        {
            throw new InvalidInputException(null, Shape, $"This model takes {schema.Inputs.Count} inputs, not one FP32 [N, F] table; send it v2 requests to /infer.");
        }

        Schema = schema;
        _input = _categories == 0 ? spec!.Name : OnnxNames.Features;
        _features = _categories == 0 ? (int)spec!.Shape[1] : schema.FeatureNames!.Count;
        _featureNames = [.. schema.FeatureNames ?? [], .. schema.CategoricalFeatureNames];
        _names = [.. _featureNames.Select(Encoding.UTF8.GetBytes)];
    }

    private ModelSchema Schema { get; }

    /// <summary>The one FP32 input of a model without categorical features.</summary>
    public NamedTensor Read(ReadOnlySequence<byte> body) =>
        _categories == 0 ? ReadInputs(body)[0] : throw new InvalidOperationException("This model has categorical features: use ReadInputs.");

    /// <summary>The model's inputs, in <see cref="ModelSchema.Inputs"/> order.</summary>
    public NamedTensor[] ReadInputs(ReadOnlySequence<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 8 });
        var buffer = ArrayPool<float>.Shared.Rent(Math.Max(_features * 4, 16));
        var categories = new List<string>(_categories * 4);
        try
        {
            var rows = 0;
            try
            {
                Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (!reader.ValueTextEquals("records"u8))
                    {
                        reader.Skip();
                        continue;
                    }

                    Expect(reader.Read() && reader.TokenType == JsonTokenType.StartArray);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (rows == MaxRecords)
                        {
                            throw new InvalidInputException(_input, Shape, $"A request holds at most {MaxRecords} records.");
                        }

                        if ((rows + 1) * _features > buffer.Length)
                        {
                            var larger = ArrayPool<float>.Shared.Rent(buffer.Length * 2);
                            buffer.AsSpan(0, rows * _features).CopyTo(larger);
                            ArrayPool<float>.Shared.Return(buffer);
                            buffer = larger;
                        }

                        var fields = new RecordFields(_input, _featureNames, _names, _features, rows);
                        fields.Read(ref reader, buffer.AsSpan(rows * _features, _features), categories);
                        rows++;
                    }
                }
            }
            catch (JsonException ex)
            {
                throw new InvalidInputException(null, Malformed, JsonFault.Describe(ex));
            }

            if (rows == 0)
            {
                throw new InvalidInputException(null, Malformed, "The body needs a non-empty 'records' array.");
            }

            var numeric = new NamedTensor(_input, TensorDatatype.Fp32, [rows, _features], buffer.AsSpan(0, rows * _features).ToArray());
            if (_categories == 0)
            {
                return [numeric];
            }

            var strings = new NamedTensor(OnnxNames.Categories, TensorDatatype.Bytes, [rows, _categories], categories.ToArray());
            return [.. Schema.Inputs.Select(i => i.Name == OnnxNames.Categories ? strings : numeric)];
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw new InvalidInputException(null, Malformed, "The body must be a JSON object: {\"records\": [...]}.");
        }
    }
}
