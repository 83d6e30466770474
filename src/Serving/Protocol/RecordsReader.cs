using System.Buffers;
using System.Text;
using System.Text.Json;
using Platform.Serving.Models;
using static Platform.Serving.Protocol.InvalidInputException;

namespace Platform.Serving.Protocol;

/// <summary>
/// Reads the JSON-records body of <c>/predict</c>, <c>{"records": [...]}</c>, straight from the request bytes into the
/// model's FP32 input [N, F]. A record is either an object of feature name to value (names from the model's Platform
/// metadata; every feature is required, <c>null</c> means missing and becomes NaN, which the model imputes) or an
/// array of F values in the model's feature order. Numbers, <c>null</c>, and the strings "NaN", "Infinity", "-Infinity".
/// </summary>
public sealed class RecordsReader
{
    public const int MaxRecords = 65_536;

    private readonly string _input;
    private readonly int _features;
    private readonly byte[][] _names;
    private readonly string[] _featureNames;

    public RecordsReader(ModelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var spec = schema.Inputs.Count == 1 ? schema.Inputs[0] : null;
        if (spec is null || !schema.IsBatchable || spec.Shape.Count != 2)
        {
            throw new InvalidInputException(null, Shape, $"This model takes {schema.Inputs.Count} inputs, not one FP32 [N, F] table; send it v2 requests to /infer.");
        }

        _input = spec.Name;
        _features = (int)spec.Shape[1];
        _featureNames = [.. schema.FeatureNames ?? []];
        _names = [.. _featureNames.Select(Encoding.UTF8.GetBytes)];
    }

    public NamedTensor Read(ReadOnlySequence<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 8 });
        var buffer = ArrayPool<float>.Shared.Rent(Math.Max(_features * 4, 16));
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

                        ReadRecord(ref reader, rows, buffer.AsSpan(rows * _features, _features));
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

            return new NamedTensor(_input, TensorDatatype.Fp32, [rows, _features], buffer.AsSpan(0, rows * _features).ToArray());
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    private void ReadRecord(ref Utf8JsonReader reader, int record, Span<float> row)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (count < _features)
                {
                    row[count] = RecordValue.Read(ref reader, _input, record, count < _featureNames.Length ? _featureNames[count] : $"#{count}");
                }

                count++;
            }

            if (count != _features)
            {
                throw new InvalidInputException(_input, ElementCount, $"Record {record} has {count} values; the model takes {_features} features.");
            }

            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject || _names.Length == 0)
        {
            throw new InvalidInputException(_input, Malformed, _names.Length == 0
                ? $"Record {record}: this model has no feature names; send each record as an array of {_features} values."
                : $"Record {record} is neither an object of features nor an array of values.");
        }

        Span<bool> seen = _features <= 512 ? stackalloc bool[_features] : new bool[_features];
        var next = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = Find(ref reader, next);
            if (index < 0)
            {
                var unknown = reader.GetString();
                throw new InvalidInputException(_input, UnknownInput, $"Record {record} has feature '{unknown}', which the model does not take.", unknown);
            }

            if (seen[index])
            {
                throw new InvalidInputException(_input, DuplicateInput, $"Record {record} has feature '{_featureNames[index]}' twice.", _featureNames[index]);
            }

            seen[index] = true;
            reader.Read();
            row[index] = RecordValue.Read(ref reader, _input, record, _featureNames[index]);
            next = index + 1;
        }

        var missing = seen.IndexOf(false);
        if (missing >= 0)
        {
            throw new InvalidInputException(
                _input, MissingInput, $"Record {record} lacks feature '{_featureNames[missing]}' (send null for a missing value).", _featureNames[missing]);
        }
    }

    /// <summary>The feature index of the current property name, trying the next one in order first.</summary>
    private int Find(ref Utf8JsonReader reader, int next)
    {
        if (next < _names.Length && reader.ValueTextEquals(_names[next]))
        {
            return next;
        }

        for (var i = 0; i < _names.Length; i++)
        {
            if (reader.ValueTextEquals(_names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw new InvalidInputException(null, Malformed, "The body must be a JSON object: {\"records\": [...]}.");
        }
    }
}
