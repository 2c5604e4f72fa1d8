using Enoe.Data.Common;
using Enoe.Data.Documents;
using Enoe.Data.Storage;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

public sealed class FileStoreTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private FileStore Store => _database.Get<FileStore>();
    private string FilesRoot => Path.Combine(_database.Directory, "files");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s =>
            s.Configure<StorageOptions>(o =>
            {
                o.MaxFileBytes = 1_000;
                o.QuotaBytesPerPerson = 2_500;
            })
        );
        _f = await TwoSchools.CreateAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private Task<Result<int>> SaveAsync(params FileUpload[] uploads) =>
        Store.SaveWithFilesAsync(
            _f.TeacherA.Id,
            _f.A.Id,
            uploads,
            (_, stored) => Task.FromResult(Result<int>.Ok(stored.Count))
        );

    private async Task AssertNothingStoredAsync(int rows = 0, int blobs = 0)
    {
        await using var db = _database.NewContext();
        Assert.Equal(rows, await db.StoredFiles.CountAsync());
        Assert.Equal(blobs, TestFiles.FilesOnDisk(_database.Directory));
    }

    [Fact]
    public async Task AFile_IsStoredUnderAGeneratedId_WithItsMetadata_AndNoTemporaryFileLeft()
    {
        var result = await SaveAsync(TestFiles.Pdf("Rédaction – Léa.pdf"));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await using var db = _database.NewContext();
        var file = await db.StoredFiles.SingleAsync();
        Assert.Equal(
            ("Rédaction – Léa.pdf", "application/pdf", _f.TeacherA.Id),
            (file.Name, file.ContentType, file.OwnerId)
        );
        var onDisk = Directory.EnumerateFiles(FilesRoot, "*", SearchOption.AllDirectories).Single();
        Assert.Equal(file.BlobId.ToString("N"), Path.GetFileName(onDisk)); // never the user's name
        Assert.Equal(file.Length, new FileInfo(onDisk).Length);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(FilesRoot, "tmp")));
    }

    [Theory]
    [InlineData("../../x.pdf")]
    [InlineData("..\\..\\x.pdf")]
    [InlineData("/etc/passwd.pdf")]
    [InlineData("")]
    [InlineData("copie.exe")]
    [InlineData("copie")]
    public async Task UnsafeNamesAndTypes_AreRefusedInFrench_AndNothingIsWritten(string name)
    {
        var result = await SaveAsync(TestFiles.Pdf(name));
        Assert.Equal(ResultKind.Invalid, result.Kind);
        Assert.Matches("nom|type", result.Errors[0]);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task ANameOf300Characters_IsRefused()
    {
        var result = await SaveAsync(TestFiles.Pdf(new string('a', 296) + ".pdf"));
        Assert.Contains("200 caractères", result.Errors[0]);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task AProgramDisguisedAsAPdf_IsRefused_AndNothingIsWritten()
    {
        var result = await SaveAsync(TestFiles.DisguisedExe());
        Assert.Contains("ne correspond pas à un fichier PDF", result.Errors[0]);
        await AssertNothingStoredAsync();
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(FilesRoot, "tmp")));
    }

    [Fact]
    public async Task AFileLargerThanItClaims_IsStoppedWhileCopying()
    {
        var bytes = TestFiles.PdfBytes(padTo: 5_000);
        // The browser said 10 bytes
        var result = await SaveAsync(new FileUpload("gros.pdf", 10, new MemoryStream(bytes)));

        Assert.Contains("taille maximale", result.Errors[0]);
        await AssertNothingStoredAsync();
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(FilesRoot, "tmp")));
    }

    [Fact]
    public async Task TheQuota_CountsEveryFileOfItsOwner_AndRefusesTheOneTooMany()
    {
        Assert.True(
            (await SaveAsync(TestFiles.Pdf("a.pdf", padTo: 900), TestFiles.Pdf("b.pdf", padTo: 900))).Succeeded
        );
        var third = await SaveAsync(TestFiles.Pdf("c.pdf", padTo: 900));

        Assert.Contains("Votre espace est plein", third.Errors[0]);
        await AssertNothingStoredAsync(rows: 2, blobs: 2);
        var usage = await Store.UsageAsync(_f.TeacherA.Id);
        Assert.Equal((1_800L, 2_500L), usage);
    }

    [Fact]
    public async Task TwentyUploadsAtOnce_FillTheQuota_AndNeverOverrunIt()
    {
        // 2,500 bytes of quota, 900 each: two fit. Checked before copying, every upload sees room; only the check
        // under the owner's lock (SQLite's write lock, PostgreSQL's row lock) can keep the third out.
        var results = await Race.AtOnceAsync(20, i => SaveAsync(TestFiles.Pdf($"copie-{i}.pdf", padTo: 900)));

        Assert.Equal(2, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains("Votre espace est plein", r.Errors[0]));
        await AssertNothingStoredAsync(rows: 2, blobs: 2);
    }

    [Fact]
    public async Task WhenTheCallersWriteFails_OrThrows_TheFilesAreGoneToo()
    {
        var refused = await Store.SaveWithFilesAsync(
            _f.TeacherA.Id,
            _f.A.Id,
            [TestFiles.Pdf()],
            (_, _) => Task.FromResult<Result<int>>(Result.Forbidden("non"))
        );
        Assert.Equal(ResultKind.Forbidden, refused.Kind);
        await AssertNothingStoredAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Store.SaveWithFilesAsync<int>(
                _f.TeacherA.Id,
                _f.A.Id,
                [TestFiles.Pdf()],
                (_, _) => throw new InvalidOperationException("panne")
            )
        );
        await AssertNothingStoredAsync();

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            Store.SaveWithFilesAsync(
                _f.TeacherA.Id,
                _f.A.Id,
                [TestFiles.Pdf()],
                (db, _) =>
                {
                    db.Add(
                        new StoredFile
                        {
                            OwnerId = -42,
                            Name = "x",
                            BlobId = Guid.NewGuid(),
                        }
                    ); // no such person: the database refuses the write
                    return Task.FromResult(Result<int>.Ok(0));
                }
            )
        );
        await AssertNothingStoredAsync();
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(FilesRoot, "tmp")));
    }

    [Fact]
    public async Task TheSweep_RemovesLeftoversOfACrash_AndKeepsFilesInUse()
    {
        Assert.True((await SaveAsync(TestFiles.Pdf())).Succeeded);
        var orphan = Path.Combine(FilesRoot, "ab", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        await File.WriteAllTextAsync(orphan, "moved, then the process died before the commit");
        var temp = Path.Combine(FilesRoot, "tmp", "half.part");
        await File.WriteAllTextAsync(temp, "half an upload");
        File.SetLastWriteTimeUtc(orphan, DateTime.UtcNow.AddHours(-2));
        File.SetLastWriteTimeUtc(temp, DateTime.UtcNow.AddHours(-2));

        await Store.SweepAsync();

        Assert.False(File.Exists(orphan));
        Assert.False(File.Exists(temp));
        Assert.Equal(1, TestFiles.FilesOnDisk(_database.Directory));
    }

    [Fact]
    public async Task OnlyTheOwner_OrSomeoneARuleAllows_OpensAFile()
    {
        var me = TwoSchools.As(_f.TeacherA, _f.A);
        var spaces = await _database.Get<DocumentService>().SpacesAsync(me);
        Assert.True(
            (await _database.Get<DocumentService>().UploadAsync(me, spaces[0].Id, null, [TestFiles.Pdf()])).Succeeded
        );
        await using var db = _database.NewContext();
        var id = await db.StoredFiles.Select(f => f.Id).SingleAsync();

        var opened = await Store.OpenAsync(me, id);
        Assert.NotNull(opened);
        await using (opened.Value.Content)
            Assert.Equal(TestFiles.PdfBytes(), await ReadAllAsync(opened.Value.Content));
        Assert.Null(await Store.OpenAsync(TwoSchools.As(_f.StudentA, _f.A), id));
        Assert.Null(await Store.OpenAsync(TwoSchools.As(_f.StaffB, _f.B), id));
        Assert.Null(await Store.OpenAsync(me, id + 1000));
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public void Sizes_AndWhatIsWrongWithAName_AreWrittenForTheReader()
    {
        Assert.Equal("1,5 Mo", Sizes.Format(1536 * 1024));
        Assert.Equal("Le fichier doit avoir un nom.", FileNames.Problem(" "));
        using var _ = new InEnglish();
        Assert.Equal("1.5 MB", Sizes.Format(1536 * 1024));
        Assert.Equal("The file must have a name.", FileNames.Problem(" "));
    }

    [Fact]
    public async Task ARefusedFile_IsExplainedInEnglish_ToAnEnglishReader()
    {
        using var _ = new InEnglish();
        var result = await SaveAsync(TestFiles.Pdf("notes.exe"));
        Assert.StartsWith("“notes.exe”: this type of file is not accepted", result.Errors.Single());
    }
}
