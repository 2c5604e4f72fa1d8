using Enoe.Data.Storage;

namespace Enoe.Widgets.Common;

/// <summary>Reads through another stream and reports how many bytes have gone by, for upload progress bars.</summary>
public sealed class ProgressStream(Stream inner, Action<long> progressed) : ReadThroughStream(inner)
{
    protected override void Seen(ReadOnlySpan<byte> bytes) => progressed(Passed);

    public override long Length => Inner.Length;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            Inner.Dispose();
        base.Dispose(disposing);
    }
}
