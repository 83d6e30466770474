using System.Text;

namespace Platform.MachineLearning.Datasets;

/// <summary>How <see cref="CsvTokenizer"/> reads one field: unquoted from the buffer in place, quoted byte by byte.</summary>
internal sealed partial class CsvTokenizer
{
    /// <summary>
    /// An unquoted field, found with a vectorised search for its end in the buffered bytes and decoded straight from
    /// them; only a field that spans a refill of the buffer is copied. <paramref name="end"/> is the byte that ended it
    /// (taken), or −1 at the end of the input.
    /// </summary>
    private string? ReadUnquoted(out int end)
    {
        var spans = false;
        while (true)
        {
            var buffered = _bytes.Buffered;
            if (buffered.IsEmpty)
            {
                end = -1;
                return spans ? Decode() : null;
            }

            var length = buffered.IndexOfAny(_fieldEnds);
            if (length < 0)
            {
                _field.Append(buffered);
                _bytes.Advance(buffered.Length);
                spans = true;
                continue;
            }

            string? text;
            if (spans)
            {
                _field.Append(buffered[..length]);
                text = Decode();
            }
            else
            {
                text = length == 0 ? null : Decode(buffered[..length]);
            }

            end = buffered[length];
            _bytes.Advance(length + 1);
            return text;
        }
    }

    private int ReadQuoted()
    {
        while (true)
        {
            var b = Next();
            if (b == -1)
            {
                throw Error("a quoted value is not closed before the end of the file");
            }

            if (b != Quote)
            {
                _field.Append(b);
                continue;
            }

            if (Peek() == Quote)
            {
                _field.Append(Next());
                continue;
            }

            var after = Next();
            if (after == -1 || after == _delimiter || after == CarriageReturn || after == LineFeed)
            {
                return after;
            }

            throw Error("a closing quote must be followed by a delimiter or the end of the line");
        }
    }

    private string? Decode()
    {
        try
        {
            return _field.Decode();
        }
        catch (DecoderFallbackException)
        {
            throw Error("the value contains bytes that are not valid UTF-8 (the file must be UTF-8 encoded)");
        }
    }

    private string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return CsvFieldBuffer.StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Error("the value contains bytes that are not valid UTF-8 (the file must be UTF-8 encoded)");
        }
    }
}
