using System.Text;
using Enoe.Data.Storage;
using Microsoft.Extensions.Options;

namespace Enoe.Tests.Data;

/// <summary>The default blob store: files under a folder, written whole or not at all, keys kept inside it.</summary>
public sealed class LocalDirectoryBlobStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(
        Path.GetTempPath(),
        "enoe-tests",
        "blobs-" + Guid.NewGuid().ToString("N")
    );
    private readonly LocalDirectoryBlobStore _store;
    private string TempFolder => Path.Combine(_root, LocalDirectoryBlobStore.TempFolderName);

    public LocalDirectoryBlobStoreTests() =>
        _store = new LocalDirectoryBlobStore(Options.Create(new StorageOptions { Root = _root }));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    private static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task ABlob_IsWrittenRead_AndDeleted()
    {
        await _store.WriteAsync("ab/abc", Bytes("contenu"));

        Assert.True(await _store.ExistsAsync("ab/abc"));
        await using (var read = await _store.OpenReadAsync("ab/abc"))
            Assert.Equal("contenu", await new StreamReader(read).ReadToEndAsync());
        Assert.Empty(Directory.EnumerateFiles(TempFolder));

        await _store.DeleteAsync("ab/abc");
        await _store.DeleteAsync("ab/abc"); // gone already: nothing happens
        await _store.DeleteAsync("zz/never"); // nor in a folder that was never made
        Assert.False(await _store.ExistsAsync("ab/abc"));
        await Assert.ThrowsAsync<FileNotFoundException>(() => _store.OpenReadAsync("ab/abc"));
    }

    [Fact]
    public async Task AWriteInProgress_IsNotVisibleUnderItsKey()
    {
        var upload = new HeldStream(Encoding.UTF8.GetBytes("première moitié"));
        var write = _store.WriteAsync("ab/half", upload);
        await upload.FirstPartRead.Task;

        Assert.False(await _store.ExistsAsync("ab/half"));
        Assert.Single(Directory.EnumerateFiles(TempFolder)); // it is being written there
        await foreach (var key in _store.ListWrittenBeforeAsync(DateTime.UtcNow.AddHours(1)))
            Assert.Fail($"{key} listed before its write ended");

        upload.Release.SetResult();
        await write;
        Assert.True(await _store.ExistsAsync("ab/half"));
    }

    [Fact]
    public async Task AWriteThatFails_LeavesNothing()
    {
        var upload = new HeldStream(Encoding.UTF8.GetBytes("début"));
        var write = _store.WriteAsync("ab/broken", upload);
        await upload.FirstPartRead.Task;

        upload.Release.SetException(new IOException("connection lost"));

        await Assert.ThrowsAsync<IOException>(() => write);
        Assert.False(await _store.ExistsAsync("ab/broken"));
        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task TheSweep_SeesOnlyBlobsWrittenBeforeItsCutoff_AndOldAbandonedWrites()
    {
        await _store.WriteAsync("ab/old", Bytes("ancien"));
        await _store.WriteAsync("cd/new", Bytes("récent"));
        await _store.WriteAsync("exports/zip", Bytes("export"));
        File.SetLastWriteTimeUtc(Path.Combine(_root, "ab", "old"), DateTime.UtcNow.AddHours(-2));
        File.SetLastWriteTimeUtc(Path.Combine(_root, "exports", "zip"), DateTime.UtcNow.AddHours(-2));
        var abandoned = Path.Combine(TempFolder, "crash.part");
        var current = Path.Combine(TempFolder, "current.part");
        await File.WriteAllTextAsync(abandoned, "la moitié d'un fichier");
        await File.WriteAllTextAsync(current, "en cours");
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddHours(-2));

        var old = new List<string>();
        await foreach (var key in _store.ListWrittenBeforeAsync(DateTime.UtcNow.AddHours(-1)))
            old.Add(key);

        Assert.Equal(["ab/old", "exports/zip"], old.Order());
        var exports = new List<string>();
        await foreach (var key in _store.ListWrittenBeforeAsync(DateTime.UtcNow.AddHours(-1), under: "exports"))
            exports.Add(key);
        Assert.Equal(["exports/zip"], exports); // one folder's, for the exports' own sweep
        Assert.Equal(1, await _store.DeleteAbandonedWritesAsync(DateTime.UtcNow.AddHours(-1)));
        Assert.Equal([current], Directory.EnumerateFiles(TempFolder));
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("ab/../../outside")]
    [InlineData("/etc/passwd")]
    [InlineData("ab\\..\\..\\outside")]
    [InlineData("./ab")]
    [InlineData("ab//c")]
    [InlineData("tmp/x.part")]
    [InlineData("")]
    public async Task KeysThatLeaveTheFolder_OrReachItsWritesInProgress_AreRefused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.WriteAsync(key, Bytes("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenReadAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.ExistsAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.DeleteAsync(key));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_root)!, "outside")));
    }

    /// <summary>
    /// An upload that hands over its first part, then waits for <see cref="Release"/> (or fails with it).
    /// </summary>
    private sealed class HeldStream(byte[] firstPart) : Stream
    {
        public TaskCompletionSource FirstPartRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _given;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            if (!_given)
            {
                _given = true;
                firstPart.CopyTo(buffer);
                FirstPartRead.SetResult();
                return firstPart.Length;
            }
            await Release.Task;
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
