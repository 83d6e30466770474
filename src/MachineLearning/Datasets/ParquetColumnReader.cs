using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Platform.MachineLearning.Datasets;

/// <summary>Reads one Parquet column chunk as dataset cell text, choosing the typed read by the column's CLR type.</summary>
internal static class ParquetColumnReader
{
    public static async Task<string?[]> ReadAsync(ParquetRowGroupReader reader, DataField field, int count, CancellationToken token)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var texts = new string?[count];
            await reader.ReadAsync(field, texts.AsMemory(), null, token).ConfigureAwait(false);
            return [.. texts.Select(text => string.IsNullOrEmpty(text) ? null : text)];
        }

        return type switch
        {
            _ when type == typeof(double) => await Read<double>(reader, field, count, "R", token).ConfigureAwait(false),
            _ when type == typeof(float) => await Read<float>(reader, field, count, "R", token).ConfigureAwait(false),
            _ when type == typeof(int) => await Read<int>(reader, field, count, null, token).ConfigureAwait(false),
            _ when type == typeof(long) => await Read<long>(reader, field, count, null, token).ConfigureAwait(false),
            _ when type == typeof(short) => await Read<short>(reader, field, count, null, token).ConfigureAwait(false),
            _ when type == typeof(sbyte) => await Read<sbyte>(reader, field, count, null, token).ConfigureAwait(false),
            _ when type == typeof(byte) => await Read<byte>(reader, field, count, null, token).ConfigureAwait(false),
            _ when type == typeof(ushort) => await Read<ushort>(reader, field, count, null, token).ConfigureAwait(false),
            _ when type == typeof(uint) => await Read<uint>(reader, field, count, null, token).ConfigureAwait(false),
            _ when type == typeof(ulong) => await Read<ulong>(reader, field, count, null, token).ConfigureAwait(false),
            _ when type == typeof(decimal) => await Read<decimal>(reader, field, count, null, token).ConfigureAwait(false),
            _ when type == typeof(DateTime) => await Read<DateTime>(reader, field, count, "O", token).ConfigureAwait(false),
            _ when type == typeof(bool) => await ReadBooleans(reader, field, count, token).ConfigureAwait(false),
            _ => throw new DatasetFormatException($"the column's type {type.Name} is not supported", null, field.Name),
        };
    }

    private static async Task<string?[]> Read<T>(
        ParquetRowGroupReader reader, DataField field, int count, string? format, CancellationToken token)
        where T : struct, IFormattable
    {
        var values = new T?[count];
        await reader.ReadAsync<T>(field, values.AsMemory(), null, token).ConfigureAwait(false);
        return [.. values.Select(value => value?.ToString(format, CultureInfo.InvariantCulture))];
    }

    private static async Task<string?[]> ReadBooleans(ParquetRowGroupReader reader, DataField field, int count, CancellationToken token)
    {
        var values = new bool?[count];
        await reader.ReadAsync<bool>(field, values.AsMemory(), null, token).ConfigureAwait(false);
        return [.. values.Select(value => value switch { true => "true", false => "false", null => null })];
    }
}
