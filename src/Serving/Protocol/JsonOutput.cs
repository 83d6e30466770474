using System.Buffers;
using System.Text.Json;

namespace Platform.Serving.Protocol;

/// <summary>A <see cref="Utf8JsonWriter"/> reused per thread, so that writing a response allocates no writer.</summary>
internal static class JsonOutput
{
    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    /// <summary>Writes synchronously into <paramref name="output"/> (flushed when <paramref name="write"/> returns).</summary>
    public static void Write<TState>(IBufferWriter<byte> output, TState state, Action<Utf8JsonWriter, TState> write)
    {
        var writer = _writer ??= new Utf8JsonWriter(Stream.Null, new JsonWriterOptions { SkipValidation = true });
        writer.Reset(output);
        try
        {
            write(writer, state);
            writer.Flush();
        }
        finally
        {
            writer.Reset(Stream.Null);
        }
    }
}
