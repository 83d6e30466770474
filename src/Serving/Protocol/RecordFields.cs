using System.Text.Json;
using static Platform.Serving.Protocol.InvalidInputException;

namespace Platform.Serving.Protocol;

/// <summary>
/// One record of a <c>/predict</c> body: its numeric features into a row of the FP32 input, its categorical features
/// (after the numeric ones in <paramref name="featureNames"/>) appended to the categories, in the model's order.
/// </summary>
internal readonly ref struct RecordFields(string input, string[] featureNames, byte[][] names, int numeric, int record)
{
    private int Width => featureNames.Length;

    public void Read(ref Utf8JsonReader reader, Span<float> row, List<string> categories)
    {
        var categoryStart = categories.Count;
        for (var c = numeric; c < Width; c++)
        {
            categories.Add("");
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (count < Width)
                {
                    Store(ref reader, count, row, categories, categoryStart);
                }

                count++;
            }

            if (count != Width)
            {
                throw new InvalidInputException(input, ElementCount, $"Record {record} has {count} values; the model takes {Width} features.");
            }

            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject || names.Length == 0)
        {
            throw new InvalidInputException(input, Malformed, names.Length == 0
                ? $"Record {record}: this model has no feature names; send each record as an array of {Width} values."
                : $"Record {record} is neither an object of features nor an array of values.");
        }

        Span<bool> seen = Width <= 512 ? stackalloc bool[Width] : new bool[Width];
        var next = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = Find(ref reader, next);
            if (index < 0)
            {
                var unknown = reader.GetString();
                throw new InvalidInputException(input, UnknownInput, $"Record {record} has feature '{unknown}', which the model does not take.", unknown);
            }

            if (seen[index])
            {
                throw new InvalidInputException(input, DuplicateInput, $"Record {record} has feature '{featureNames[index]}' twice.", featureNames[index]);
            }

            seen[index] = true;
            reader.Read();
            Store(ref reader, index, row, categories, categoryStart);
            next = index + 1;
        }

        var missing = seen.IndexOf(false);
        if (missing >= 0)
        {
            throw new InvalidInputException(
                input, MissingInput, $"Record {record} lacks feature '{featureNames[missing]}' (send null for a missing value).", featureNames[missing]);
        }
    }

    private void Store(ref Utf8JsonReader reader, int index, Span<float> row, List<string> categories, int categoryStart)
    {
        if (index < numeric)
        {
            row[index] = RecordValue.Read(ref reader, input, record, featureNames[index]);
            return;
        }

        categories[categoryStart + index - numeric] = RecordValue.ReadCategory(ref reader, input, record, featureNames[index]);
    }

    /// <summary>The feature index of the current property name, trying the next one in order first.</summary>
    private int Find(ref Utf8JsonReader reader, int next)
    {
        if (next < names.Length && reader.ValueTextEquals(names[next]))
        {
            return next;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
