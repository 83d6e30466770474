namespace Platform.MachineLearning.Datasets;

/// <summary>
/// Buffered bytes of a CSV stream for <see cref="CsvTokenizer"/>: peek and take one byte at a time, or look at what is
/// buffered (<see cref="Buffered"/>) and take a run of it at once (<see cref="Advance"/>); skip a UTF-8 byte order mark;
/// stop at the byte-count limit (reported through <paramref name="overLimit"/> so that the error names the tokenizer's
/// current row and column).
/// </summary>
internal sealed class CsvByteSource(Stream stream, long maxBytes, Func<string, Exception> overLimit)
{
    private readonly byte[] _buffer = new byte[256 * 1024];
    private int _length;
    private int _position;
    private long _consumed;

    /// <summary>The bytes buffered and not yet taken (refilled first when none are); empty at the end of the stream.</summary>
    public ReadOnlySpan<byte> Buffered
    {
        get
        {
            if (_position == _length)
            {
                Fill(1);
            }

            return _buffer.AsSpan(_position, _length - _position);
        }
    }

    /// <summary>The next byte without taking it, or −1 at the end.</summary>
    public int Peek() => Fill(1) == 0 ? -1 : _buffer[_position];

    /// <summary>Takes the next byte, or returns −1 at the end.</summary>
    public int Next()
    {
        if (Fill(1) == 0)
        {
            return -1;
        }

        Advance(1);
        return _buffer[_position - 1];
    }

    /// <summary>Takes <paramref name="count"/> bytes of <see cref="Buffered"/>.</summary>
    public void Advance(int count)
    {
        _position += count;
        _consumed += count;
        if (_consumed > maxBytes)
        {
            throw overLimit($"the file is larger than the limit of {maxBytes} bytes");
        }
    }

    /// <summary>Skips EF BB BF if the stream starts with it.</summary>
    public void SkipByteOrderMark()
    {
        if (Fill(3) >= 3 && _buffer[_position] == 0xEF && _buffer[_position + 1] == 0xBB && _buffer[_position + 2] == 0xBF)
        {
            Advance(3);
        }
    }

    /// <summary>Makes at least <paramref name="count"/> bytes available if the stream has them; returns how many are.</summary>
    private int Fill(int count)
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
