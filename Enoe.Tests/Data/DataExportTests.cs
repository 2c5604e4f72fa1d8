using System.IO.Compression;
using Enoe.Data.Documents;
using Enoe.Data.Grades;
using Enoe.Data.Memos;
using Enoe.Data.Notifications;
using Enoe.Data.People;
using Enoe.Data.Privacy;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// "Everything ENOE holds about me": built in the background into a zip with the person's marks, mémos and files;
/// downloadable by them (or a parent while the child is under 15) for a week.
/// </summary>
public sealed class DataExportTests : TwoSchoolsTest
{
    private PrivacyService Privacy => Database.Get<PrivacyService>();

    [Fact]
    public async Task TheZip_HoldsMarksMemosAndDocumentBytes_AndOnlyThePersonOrTheirParentDownloadsIt()
    {
        await SeedAsync();
        var bytes = TestFiles.PdfBytes("mon exposé");
        var documents = Database.Get<DocumentService>();
        var space = (await documents.SpacesAsync(As(F.StudentA)))[0];
        var upload = await documents.UploadAsync(
            As(F.StudentA),
            space.Id,
            null,
            [TestFiles.Pdf("exposé.pdf", "mon exposé")]
        );
        Assert.True(upload.Succeeded, string.Join(" ", upload.Errors));

        var id = (await Privacy.RequestExportAsync(As(F.StudentA), F.StudentA.Id)).Value;
        Assert.False((await Privacy.RequestExportAsync(As(F.ParentA), F.StudentA.Id)).Succeeded); // one pending
        Assert.True(await Database.Get<DataExportBuilder>().BuildNextAsync());

        var export = Assert.Single(await Privacy.ExportsAsync(As(F.StudentA), F.StudentA.Id));
        Assert.Equal((DataExportStatus.Ready, 100), (export.Status, export.Progress));
        Assert.Equal(Database.Clock.GetUtcNow().UtcDateTime.AddDays(7), export.ExpiresAt);
        var download = await Privacy.DownloadAsync(As(F.StudentA), id);
        string key;
        using (var zip = new ZipArchive(download.Value.Zip))
        {
            Assert.Contains("Thalès", Read(zip, "grades.json"));
            Assert.Contains("15.5", Read(zip, "grades.json"));
            Assert.Contains("Sortie au musée", Read(zip, "memos.json"));
            using var copy = new MemoryStream();
            using (var entry = zip.GetEntry("documents/exposé.pdf")!.Open())
                entry.CopyTo(copy);
            Assert.Equal(bytes, copy.ToArray());
        }
        Assert.True((await Privacy.DownloadAsync(As(F.ParentA), id)).Succeeded); // a 6e pupil's parent
        Assert.False((await Privacy.DownloadAsync(As(F.TeacherA), id)).Succeeded);
        Assert.False((await Privacy.DownloadAsync(As(F.StaffA), id)).Succeeded);

        await using (var db = Database.NewContext())
            key = (await db.Set<DataExport>().SingleAsync(x => x.Id == id)).FileKey!;
        Database.Clock.Advance(TimeSpan.FromDays(7));
        Assert.False((await Privacy.DownloadAsync(As(F.StudentA), id)).Succeeded); // its week is over
        await Database.Get<RetentionJob>().RunAsync(dryRun: false, requestedById: null);
        Assert.Null(await Database.Get<ExportFiles>().OpenReadAsync(key)); // gone from the store
    }

    [Fact]
    public async Task AParent_OfAChildOf15OrMore_IsRefused()
    {
        await using (var db = Database.NewContext())
        {
            var seconde = await db.Set<SchoolClass>().SingleAsync(c => c.Id == F.ClassA.Id);
            seconde.LevelId = 5; // 2nde: 15 and over
            await db.SaveChangesAsync();
        }

        var refused = await Privacy.RequestExportAsync(As(F.ParentA), F.StudentA.Id);

        Assert.Equal(
            "StudentA a 15 ans ou plus : c'est à lui ou à elle de demander ses données.",
            Assert.Single(refused.Errors)
        );
        Assert.True((await Privacy.RequestExportAsync(As(F.StudentA), F.StudentA.Id)).Succeeded);
        Assert.False((await Privacy.RequestExportAsync(As(F.TeacherA), F.StudentA.Id)).Succeeded);
    }

    [Fact]
    public async Task AnExportACrashLeftRunning_FailsAfterADay_AndNoLongerBlocksTheNextAsk()
    {
        var id = (await Privacy.RequestExportAsync(As(F.StudentA), F.StudentA.Id)).Value;
        await using (var db = Database.NewContext())
            await db.Set<DataExport>()
                .Where(x => x.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, DataExportStatus.Running));
        var builder = Database.Get<DataExportBuilder>();
        Assert.False(await builder.BuildNextAsync());
        Assert.False((await Privacy.RequestExportAsync(As(F.StudentA), F.StudentA.Id)).Succeeded);

        Database.Clock.Advance(TimeSpan.FromHours(25));
        Assert.False(await builder.BuildNextAsync());

        Assert.True((await Privacy.RequestExportAsync(As(F.StudentA), F.StudentA.Id)).Succeeded);
    }

    [Fact]
    public async Task FilesOfTheSameName_GetNumberedSafeNames_NeverAPathOutOfTheirFolder()
    {
        var documents = Database.Get<DocumentService>();
        var space = (await documents.SpacesAsync(As(F.StudentA)))[0];
        string[] stored = ["../a.pdf", "..\\a.pdf", "a.pdf", ".."];
        var upload = await documents.UploadAsync(
            As(F.StudentA),
            space.Id,
            null,
            [.. stored.Select((_, i) => TestFiles.Pdf($"f{i}.pdf", "copie"))]
        );
        Assert.True(upload.Succeeded, string.Join(" ", upload.Errors));
        // Names from before the upload checks (or a directory import) that the checks would refuse today.
        await using (var db = Database.NewContext())
            for (var i = 0; i < stored.Length; i++)
                await db
                    .StoredFiles.Where(f => f.Name == $"f{i}.pdf")
                    .ExecuteUpdateAsync(u => u.SetProperty(f => f.Name, stored[i]));

        var id = (await Privacy.RequestExportAsync(As(F.StudentA), F.StudentA.Id)).Value;
        Assert.True(await Database.Get<DataExportBuilder>().BuildNextAsync());

        var download = await Privacy.DownloadAsync(As(F.StudentA), id);
        using var zip = new ZipArchive(download.Value.Zip);
        Assert.Equal(
            ["documents/.._a (2).pdf", "documents/.._a.pdf", "documents/_..", "documents/a.pdf"],
            zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("documents/")).Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public async Task TheZip_HoldsTheEmailChoicesAndRefusals_OfThePersonOnly()
    {
        var preferences = Database.Get<NotificationPreferences>();
        Assert.True(
            (await preferences.SaveMineAsync(As(F.ParentA), NotificationCategory.Marks, MailFrequency.Weekly)).Succeeded
        );
        Assert.True(
            (await preferences.SaveMineAsync(As(F.StudentA), NotificationCategory.Memos, MailFrequency.Never)).Succeeded
        );
        await using (var db = Database.NewContext())
        {
            db.Add(
                new MailRefusal
                {
                    PersonId = F.ParentA.Id,
                    Address = "parenta@famille.test",
                    Reason = "550 5.1.1 Boîte inconnue",
                    RefusedAt = Now,
                }
            );
            await db.SaveChangesAsync();
        }

        var id = (await Privacy.RequestExportAsync(As(F.ParentA), F.ParentA.Id)).Value;
        Assert.True(await Database.Get<DataExportBuilder>().BuildNextAsync());

        using var zip = new ZipArchive((await Privacy.DownloadAsync(As(F.ParentA), id)).Value.Zip);
        var mail = Read(zip, "mail.json");
        Assert.Contains("\"Marks\"", mail);
        Assert.Contains("\"Weekly\"", mail);
        Assert.Contains("parenta@famille.test", mail);
        Assert.Contains("550 5.1.1", mail);
        Assert.DoesNotContain("Never", mail); // the student's own choice is not their parent's data
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private async Task SeedAsync()
    {
        await using var db = Database.NewContext();
        var maths = new Subject
        {
            SchoolId = F.A.Id,
            Code = "MATHS",
            Name = "Mathématiques",
        };
        var assessment = new Assessment
        {
            SchoolId = F.A.Id,
            SchoolClassId = F.ClassA.Id,
            Subject = maths,
            TeacherId = F.TeacherA.Id,
            Title = "Thalès",
            Date = new DateOnly(2026, 11, 16),
            PublishedAt = Database.Clock.GetUtcNow().UtcDateTime,
        };
        db.Add(
            new Grade
            {
                Assessment = assessment,
                StudentId = F.StudentA.Id,
                Value = 15.5m,
            }
        );
        var memo = new Memo
        {
            SchoolId = F.A.Id,
            SenderId = F.TeacherA.Id,
            Subject = "Sortie au musée",
            SentAt = Database.Clock.GetUtcNow().UtcDateTime,
        };
        db.Add(new MemoRecipient { Memo = memo, PersonId = F.StudentA.Id });
        await db.SaveChangesAsync();
    }
}
