using System.Net;
using Enoe.Data;
using Enoe.Data.Common;
using Enoe.Data.Grades;
using Enoe.Data.People;
using Enoe.Data.Skills;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Enoe.Tests.Web;

[Collection(SharedApp.Name)]
public sealed class GradeExportTests(EnoeAppFactory app)
{
    private async Task<(CurrentUser Teacher, int ClassId, int SubjectId, int Lucas)> ClaireIn4eAAsync()
    {
        var maths = await ClaireIn4eA.FindAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var lucas = await scope
            .ServiceProvider.GetRequiredService<EnoeDbContext>()
            .Users.Where(u => u.UserName == "lucas.martin")
            .Select(u => u.Id)
            .SingleAsync();
        return (maths.Teacher, maths.ClassId, maths.SubjectId, lucas);
    }

    /// <summary>
    /// Claire assesses one of Lucas's digital skills; Sophie, his mother, downloads his booklet (in her language when
    /// one is given).
    /// </summary>
    private async Task<(int Lucas, HttpResponseMessage Response)> AssessAndDownloadAsync(
        int skill,
        MasteryLevel level,
        string? culture = null
    )
    {
        var (teacher, _, _, lucas) = await ClaireIn4eAAsync();
        var skills = app.Services.GetRequiredService<SkillService>();
        var skillId = (await skills.BookletAsync(teacher, lucas))
            .Value!.Domains.Single(d => d.Code == "NUM")
            .Skills[skill]
            .SkillId;
        Assert.True((await skills.AssessAsync(teacher, lucas, skillId, level)).Succeeded);
        var sophie = app.NewClient();
        await sophie.SignInAsync("sophie.martin");
        if (culture is not null)
            await sophie.GetAsync($"/culture/{culture}");
        var response = await sophie.GetAsync($"/competences/livret.pdf?eleve={lucas}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (lucas, response);
    }

    private static async Task<string> TextOfAsync(HttpResponseMessage response)
    {
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join("\n", pdf.GetPages().Select(p => p.Text));
    }

    [Fact]
    public async Task AClassesGrades_ExportAsACsvASpreadsheetOpens_ForTheirTeacherOnly()
    {
        var (teacher, classId, subjectId, lucas) = await ClaireIn4eAAsync();
        var grades = app.Services.GetRequiredService<GradeService>();
        var id = (
            await grades.CreateAsync(
                teacher,
                new AssessmentDraft
                {
                    SchoolClassId = classId,
                    SubjectId = subjectId,
                    Title = "Export CSV",
                    Date = new(2026, 11, 10),
                }
            )
        ).Value;
        await grades.SaveCellAsync(teacher, id, lucas, "14,5");

        var claire = app.NewClient();
        await claire.SignInAsync("claire.fontaine");
        var response = await claire.GetAsync($"/notes/evaluations/{id}/export.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Nom;Prénom;", text);
        Assert.Contains("Martin;Lucas;", text);
        Assert.Contains("14,5", text);

        var lucasClient = app.NewClient();
        await lucasClient.SignInAsync("lucas.martin");
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await lucasClient.GetAsync($"/notes/evaluations/{id}/export.csv")).StatusCode
        );
    }

    [Fact]
    public async Task TheBooklet_ExportsAsAPdf_WithEachSkillsLevel()
    {
        var (lucas, response) = await AssessAndDownloadAsync(0, MasteryLevel.VeryGood);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await TextOfAsync(response);
        Assert.Contains("Livret de compétences", text);
        Assert.Contains("Lucas Martin", text);
        Assert.Contains("Très bonne maîtrise", text);
        Assert.Contains("Rechercher, évaluer et traiter l'information", text);

        string otherStudent;
        await using (var scope = app.Services.CreateAsyncScope())
            otherStudent = await scope
                .ServiceProvider.GetRequiredService<EnoeDbContext>()
                .Enrolments.Where(e =>
                    e.SchoolClass!.Name == "6eB" && e.SchoolClass.School!.Slug == "college-victor-hugo"
                )
                .Select(e => e.Student!.UserName!)
                .FirstAsync();
        var stranger = app.NewClient(); // a student of another class: not theirs to read
        await stranger.SignInAsync(otherStudent);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await stranger.GetAsync($"/competences/livret.pdf?eleve={lucas}")).StatusCode
        );
    }

    [Fact]
    public async Task TheBooklet_InEnglish_IsAnEnglishPdf_NamedForTheStudent()
    {
        var (_, response) = await AssessAndDownloadAsync(1, MasteryLevel.Satisfactory, culture: "en");
        Assert.Equal("Skills booklet - Lucas Martin.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        var text = await TextOfAsync(response);
        Assert.Contains("Skills booklet", text);
        Assert.Contains("Issued on", text);
        Assert.Contains("Satisfactory mastery", text);
        Assert.Contains("Not assessed yet", text);
        // The skills' official names are data: they stay French
        Assert.Contains("Communiquer et collaborer en ligne", text);
        Assert.DoesNotContain("Livret", text);
        Assert.DoesNotContain("maîtrise", text);
    }

    [Fact]
    public void EveryPageOfALongBooklet_NamesTheStudent()
    {
        DomainState Domain(int d) =>
            new(
                $"D{d}",
                $"Domaine {d}",
                [
                    .. Enumerable
                        .Range(1, 12)
                        .Select(s => new SkillState(
                            d * 100 + s,
                            $"D{d}.{s}",
                            $"Compétence {s} du domaine {d}, formulée assez "
                                + "longuement pour occuper deux lignes du livret imprimé",
                            null,
                            []
                        )),
                ]
            );
        var booklet = new Booklet(
            1,
            "Emma Martin",
            "2ndeA",
            "Lycée Louis Lumière",
            [.. Enumerable.Range(1, 6).Select(Domain)]
        );

        using var pdf = PdfDocument.Open(
            Enoe.Widgets.Skills.BookletPdf.Render(booklet, new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc))
        );
        Assert.True(pdf.NumberOfPages > 2, $"{pdf.NumberOfPages} pages");
        foreach (var page in pdf.GetPages())
        {
            var footer = $"Emma Martin — livret de compétences — page {page.Number}/{pdf.NumberOfPages}";
            Assert.Contains(footer, page.Text);
        }
    }
}
