namespace Enoe.Data.Storage;

/// <summary>
/// An upload read through on its way to the blob store: counts the bytes that really arrive (the declared size is
/// the browser's word), stops the write past <paramref name="maxBytes"/>, and keeps the first bytes for
/// <see cref="FileTypes.Recognise"/>.
/// </summary>
internal sealed class UploadCheck(Stream upload, long maxBytes) : Stream
{
    private readonly byte[] _header = new byte[FileTypes.HeaderLength];
    private int _headerLength;

    public long Received { get; private set; }

    public ReadOnlySpan<byte> Header => _header.AsSpan(0, _headerLength);

    /// <summary>Thrown into the blob store's write, which then leaves nothing behind.</summary>
    public sealed class TooLargeException() : IOException("The upload is larger than allowed.");

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        var read = await upload.ReadAsync(buffer, ct);
        Seen(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = upload.Read(buffer, offset, count);
        Seen(buffer.AsSpan(offset, read));
        return read;
    }

    private void Seen(ReadOnlySpan<byte> bytes)
    {
        if (_headerLength < _header.Length)
        {
            var take = Math.Min(bytes.Length, _header.Length - _headerLength);
            bytes[..take].CopyTo(_header.AsSpan(_headerLength));
            _headerLength += take;
        }
        Received += bytes.Length;
        if (Received > maxBytes)
            throw new TooLargeException();
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position
    {
        get => Received;
        set => throw new NotSupportedException();
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
