using Enoe.Data.Storage;

namespace Enoe.Widgets.Common;

/// <summary>
/// Writes to the response asynchronously, as Kestrel requires. <see cref="System.IO.Compression.ZipArchive"/>
/// still writes a few bytes synchronously when an entry closes (the last deflate block, the data
/// descriptor): those wait in a small buffer until <see cref="DrainAsync"/> sends them.
/// </summary>
public sealed class DrainingStream(Stream inner) : PassThroughStream
{
    private readonly MemoryStream _pending = new();

    public async Task DrainAsync(CancellationToken ct = default)
    {
        if (_pending.Length == 0)
            return;
        await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
        _pending.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        _pending.Write(buffer, offset, count);
        Passed += count;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        await DrainAsync(ct); // keep the order of bytes
        await inner.WriteAsync(buffer, ct);
        Passed += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override async Task FlushAsync(CancellationToken ct)
    {
        await DrainAsync(ct);
        await inner.FlushAsync(ct);
    }

    public override void Flush() { } // the bytes wait for DrainAsync

    public override bool CanWrite => true;
}
