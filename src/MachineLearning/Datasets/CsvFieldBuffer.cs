using System.Text;

namespace Platform.MachineLearning.Datasets;

/// <summary>The bytes of the CSV field being read, decoded strictly as UTF-8 when it ends.</summary>
internal sealed class CsvFieldBuffer
{
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private byte[] _bytes = new byte[256];
    private int _length;

    public void Clear() => _length = 0;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + bytes.Length));
        }

        bytes.CopyTo(_bytes.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Append(int b)
    {
        if (_length == _bytes.Length)
        {
            Array.Resize(ref _bytes, _bytes.Length * 2);
        }

        _bytes[_length++] = (byte)b;
    }

    /// <summary>The field's text, <c>null</c> when empty; <see cref="DecoderFallbackException"/> for bytes that are not UTF-8.</summary>
    public string? Decode() => _length == 0 ? null : StrictUtf8.GetString(_bytes, 0, _length);
}
