using System.Buffers;
using System.IO.Pipelines;

namespace Platform.Serving.Protocol;

/// <summary>Reads a whole request body from the pipe without copying it; parse it, then call <see cref="PipeReader.AdvanceTo(SequencePosition)"/> with its end.</summary>
public static class RequestBody
{
    public static async ValueTask<ReadOnlySequence<byte>> ReadAllAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.IsCompleted || result.IsCanceled)
            {
                return result.Buffer;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }
}
