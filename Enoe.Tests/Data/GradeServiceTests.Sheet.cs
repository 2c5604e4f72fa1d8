using Enoe.Data.Common;
using Enoe.Data.Grades;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// The marks sheet: each cell checked against the scale, pasted columns, the CSV export and the admin's terms.
/// </summary>
public sealed partial class GradeServiceTests
{
    [Theory]
    [InlineData("21", "21 dépasse le barème (20).")]
    [InlineData("douze", "« douze » n'est pas une note : tapez un nombre, Abs, Disp ou NN.")]
    [InlineData("12,555", "Deux décimales au plus.")]
    public async Task ACell_IsCheckedAgainstTheScale(string typed, string message)
    {
        var id = await NewMathsAssessmentAsync("C");
        Assert.Equal(message, (await Grades.SaveCellAsync(As(_f.TeacherA), id, _f.StudentA.Id, typed)).Errors.Single());
        var shown = new List<string?>();
        foreach (var typed2 in new[] { "abs", "Disp", "nn", "12.5", "" })
            shown.Add((await Grades.SaveCellAsync(As(_f.TeacherA), id, _f.StudentA.Id, typed2)).Value);
        Assert.Equal(["Abs", "Disp", "NN", "12,5", ""], shown);
    }

    [Fact]
    public async Task APastedColumn_IsAllOrNothing()
    {
        var id = await NewMathsAssessmentAsync("C");
        var bad = await Grades.PasteAsync(As(_f.TeacherA), id, _classmate.Id, "12\r\n25\r\n8\r\n");
        Assert.Equal(["Ligne 2 : 25 dépasse le barème (20)."], bad.Errors);
        Assert.All((await Grades.GridAsync(As(_f.TeacherA), id)).Value!.Rows, r => Assert.Equal("", r.Cell));

        Assert.Equal(
            3,
            (await Grades.PasteAsync(As(_f.TeacherA), id, _classmate.Id, "12\t(ignored)\n15,5\nAbs")).Value
        );
        var grid = (await Grades.GridAsync(As(_f.TeacherA), id)).Value!;
        Assert.Equal(["12", "15,5", "Abs"], grid.Rows.Select(r => r.Cell));
        Assert.Equal(new ClassStats(12m, 15.5m, 13.75m, 2), grid.Stats);
        Assert.Equal([0, 0, 0, 2, 0], grid.Distribution);
    }

    [Fact]
    public async Task TheCsvExport_HasOneLinePerStudent_AndTheSubjectAverage()
    {
        var first = await AssessAsync(_maths, "Fractions", 20, 1, "8", "16,5", "12");
        await AssessAsync(_maths, "QCM", 10, 1, "5", "Abs", "7");
        var csv = (await Grades.CsvAsync(As(_f.TeacherA), first)).Value;
        Assert.Equal("Notes Mathématiques 6eA.csv", csv.FileName);
        var lines = csv.Csv.TrimEnd().Split("\r\n");
        Assert.Equal(
            "Nom;Prénom;Fractions (16/11/2026) /20 coef. 1;QCM (16/11/2026) /10 coef. 1;Moyenne /20",
            lines[0]
        );
        Assert.Equal(["Beason;Bea;8;5;9", "Chloeson;Chloe;16,5;Abs;16,5", "Test;StudentA;12;7;13"], lines[1..]);
        Assert.Equal(ResultKind.Forbidden, (await Grades.CsvAsync(As(_otherTeacher), first)).Kind);
    }

    [Fact]
    public async Task TheAdmin_SetsTheTerms_OverlapsAreRefused()
    {
        TermView[] semesters =
        [
            new(0, "Semestre 1", new(2026, 9, 1), new(2027, 1, 31)),
            new(0, "Semestre 2", new(2027, 2, 1), new(2027, 7, 3)),
        ];
        Assert.Equal(ResultKind.Forbidden, (await Grades.SaveTermsAsync(As(_f.TeacherA), semesters)).Kind);
        var overlapping = await Grades.SaveTermsAsync(
            As(_f.AdminA),
            [semesters[0], semesters[1] with { StartsOn = new(2027, 1, 15) }]
        );
        Assert.Contains("« Semestre 1 » et « Semestre 2 » se chevauchent.", overlapping.Errors);
        Assert.Equal(["Trimestre 1"], (await Grades.TermsAsync(_f.A.Id)).Select(t => t.Name));

        Assert.True((await Grades.SaveTermsAsync(As(_f.AdminA), semesters)).Succeeded);
        Assert.Equal(["Semestre 1", "Semestre 2"], (await Grades.TermsAsync(_f.A.Id)).Select(t => t.Name));
    }
}
