namespace Platform.Application.Datasets.Profiling;

/// <summary>
/// A read-only view of a stream that reports, every 4 MB and at its end, how many bytes have been read through it (a
/// reader that seeks back, as Parquet's does, makes the figure an estimate).
/// </summary>
internal sealed class ReadProgressStream(Stream inner, Action<long> report) : Stream
{
    private const long ReportEvery = 4L * 1024 * 1024;
    private long _read;
    private long _reported;

    public override bool CanRead => true;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _read += read;
        if (_read - _reported >= ReportEvery || (read == 0 && _read != _reported))
        {
            _reported = _read;
            report(_read);
        }

        return read;
    }
}
