namespace Enoe.Data.Storage;

/// <summary>
/// A stream that moves one way over another, forward only: read through (<see cref="ReadThroughStream"/>) or written
/// through. What none of them supports (seeking, a length, the other direction) is said once here; the position is
/// the bytes gone by, which the subclass counts.
/// </summary>
public abstract class PassThroughStream : Stream
{
    /// <summary>Bytes read or written through so far.</summary>
    protected long Passed { get; set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position
    {
        get => Passed;
        set => throw new NotSupportedException();
    }

    public override void Flush() { }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>Reads through <paramref name="inner"/>, showing each chunk to <see cref="Seen"/> as it goes by.</summary>
public abstract class ReadThroughStream(Stream inner) : PassThroughStream
{
    protected Stream Inner { get; } = inner;

    /// <summary>Called after each read with what it read, <see cref="PassThroughStream.Passed"/> counting it.</summary>
    protected abstract void Seen(ReadOnlySpan<byte> bytes);

    public override bool CanRead => true;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        var read = await Inner.ReadAsync(buffer, ct);
        Went(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = Inner.Read(buffer, offset, count);
        Went(buffer.AsSpan(offset, read));
        return read;
    }

    private void Went(ReadOnlySpan<byte> bytes)
    {
        Passed += bytes.Length;
        Seen(bytes);
    }
}
