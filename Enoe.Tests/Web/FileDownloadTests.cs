using System.IO.Compression;
using System.Net;
using Enoe.Data.Assignments;
using Enoe.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

[Collection(SharedApp.Name)]
public sealed class FileDownloadTests(EnoeAppFactory app)
{
    [Fact]
    public async Task ASubmission_DownloadsAsAnAttachmentNeverSniffed_ForItsStudentOnly()
    {
        var devoir = await DemoDevoir.CreateAsync(app.Services, "Téléchargement");
        var assignments = app.Services.GetRequiredService<AssignmentService>();
        var handedIn = await assignments.HandInAsync(
            devoir.Student,
            devoir.Id,
            [TestFiles.Pdf("ma copie.pdf", "contenu de la copie")]
        );
        var fileId = handedIn.Value!.Files[0].Id;

        var student = app.NewClient();
        await student.SignInAsync(devoir.StudentUserName);
        var response = await student.GetAsync($"/fichiers/{fileId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("ma copie.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestFiles.PdfBytes("contenu de la copie"), await response.Content.ReadAsByteArrayAsync());

        var classmate = app.NewClient();
        await classmate.SignInAsync(devoir.ClassmateUserName);
        Assert.Equal(HttpStatusCode.NotFound, (await classmate.GetAsync($"/fichiers/{fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await classmate.GetAsync("/fichiers/999999")).StatusCode);
        var anonymous = app.NewClient();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/fichiers/{fileId}")).StatusCode);
    }

    [Fact]
    public async Task TheTeacher_DownloadsEverySubmissionAsOneZip_NamedByStudent()
    {
        var devoir = await DemoDevoir.CreateAsync(app.Services, "Zip des copies");
        var assignments = app.Services.GetRequiredService<AssignmentService>();
        await assignments.HandInAsync(
            devoir.Student,
            devoir.Id,
            [TestFiles.Pdf("page1.pdf", "un"), TestFiles.Pdf("page2.pdf", "deux")]
        );

        var teacher = app.NewClient();
        await teacher.SignInAsync("claire.fontaine");
        var response = await teacher.GetAsync($"/devoirs/{devoir.Id}/copies.zip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Zip des copies - 4eA.zip", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(
            [$"{devoir.StudentName}/page1.pdf", $"{devoir.StudentName}/page2.pdf"],
            zip.Entries.Select(e => e.FullName).Order()
        );
        await using var page2 = await zip.GetEntry($"{devoir.StudentName}/page2.pdf")!.OpenAsync();
        using var copy = new MemoryStream();
        await page2.CopyToAsync(copy);
        Assert.Equal(TestFiles.PdfBytes("deux"), copy.ToArray());

        var student = app.NewClient();
        await student.SignInAsync(devoir.StudentUserName);
        Assert.Equal(HttpStatusCode.NotFound, (await student.GetAsync($"/devoirs/{devoir.Id}/copies.zip")).StatusCode);
    }
}
