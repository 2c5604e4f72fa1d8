namespace Enoe.Data.Storage;

/// <summary>
/// An upload read through on its way to the blob store: counts the bytes that really arrive (the declared size is
/// the browser's word), stops the write past <paramref name="maxBytes"/>, and keeps the first bytes for
/// <see cref="FileTypes.Recognise"/>.
/// </summary>
internal sealed class UploadCheck(Stream upload, long maxBytes) : ReadThroughStream(upload)
{
    private readonly byte[] _header = new byte[FileTypes.HeaderLength];
    private int _headerLength;

    public long Received => Passed;

    public ReadOnlySpan<byte> Header => _header.AsSpan(0, _headerLength);

    /// <summary>Thrown into the blob store's write, which then leaves nothing behind.</summary>
    public sealed class TooLargeException() : IOException("The upload is larger than allowed.");

    protected override void Seen(ReadOnlySpan<byte> bytes)
    {
        if (_headerLength < _header.Length)
        {
            var take = Math.Min(bytes.Length, _header.Length - _headerLength);
            bytes[..take].CopyTo(_header.AsSpan(_headerLength));
            _headerLength += take;
        }
        if (Received > maxBytes)
            throw new TooLargeException();
    }
}
