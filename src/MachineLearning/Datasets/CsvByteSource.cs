namespace Platform.MachineLearning.Datasets;

/// <summary>
/// Buffered bytes of a CSV stream for <see cref="CsvTokenizer"/>: peek and take one byte at a time,
/// skip a UTF-8 byte order mark, and stop at the byte-count limit (reported through <paramref name="overLimit"/>
/// so that the error names the tokenizer's current row and column).
/// </summary>
internal sealed class CsvByteSource(Stream stream, long maxBytes, Func<string, Exception> overLimit)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _length;
    private int _position;
    private long _consumed;

    /// <summary>The next byte without taking it, or −1 at the end.</summary>
    public int Peek() => Buffered(1) == 0 ? -1 : _buffer[_position];

    /// <summary>Takes the next byte, or returns −1 at the end.</summary>
    public int Next()
    {
        if (Buffered(1) == 0)
        {
            return -1;
        }

        if (++_consumed > maxBytes)
        {
            throw overLimit($"the file is larger than the limit of {maxBytes} bytes");
        }

        return _buffer[_position++];
    }

    /// <summary>Skips EF BB BF if the stream starts with it.</summary>
    public void SkipByteOrderMark()
    {
        if (Buffered(3) >= 3 && _buffer[_position] == 0xEF && _buffer[_position + 1] == 0xBB && _buffer[_position + 2] == 0xBF)
        {
            Next();
            Next();
            Next();
        }
    }

    /// <summary>Makes at least <paramref name="count"/> bytes available if the stream has them; returns how many are.</summary>
    private int Buffered(int count)
    {
        if (_length - _position >= count)
        {
            return _length - _position;
        }

        Buffer.BlockCopy(_buffer, _position, _buffer, 0, _length - _position);
        _length -= _position;
        _position = 0;
        while (_length < count)
        {
            var read = stream.Read(_buffer, _length, _buffer.Length - _length);
            if (read == 0)
            {
                break;
            }

            _length += read;
        }

        return _length;
    }
}
