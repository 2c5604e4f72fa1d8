using Enoe.Data.Grades;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// Marking follows the switch of the établissement the assessment belongs to: TeacherA, signed into college-a where
/// Notes runs, cannot mark a class of college-b by sending its ids once college-b switched Notes off or was archived.
/// </summary>
public sealed class GradeSchoolGateTests : DataSchoolGateTest
{
    private GradeService Grades => Get<GradeService>();

    private AssessmentDraft DraftAtB =>
        new()
        {
            SchoolClassId = Two.ClassB,
            SubjectId = Two.SubjectB,
            Title = "Fractions",
            Date = new(2026, 11, 18),
        };

    /// <summary>An assessment of college-b with StudentB's 12, set while Notes ran there.</summary>
    private async Task<int> MarkedAtBAsync()
    {
        var id = (await Grades.CreateAsync(InB, DraftAtB)).Value;
        Assert.True((await Grades.SaveCellAsync(InB, id, Two.StudentB, "12")).Succeeded);
        return id;
    }

    private async Task EveryMarkingPathIsRefusedAsync(int assessmentId)
    {
        Refused(await Grades.GridAsync(InA, assessmentId));
        Refused(await Grades.SaveCellAsync(InA, assessmentId, Two.StudentB, "3"));
        Refused(await Grades.PasteAsync(InA, assessmentId, Two.StudentB, "3"));
        Refused(await Grades.PublishAsync(InA, assessmentId, publish: true));
        Refused(await Grades.CsvAsync(InA, assessmentId));
        Refused(await Grades.CreateAsync(InA, DraftAtB));
        await using var db = Database.NewContext();
        Assert.Equal(12m, await db.Set<Grade>().Select(g => g.Value).SingleAsync());
        Assert.Null(await db.Set<Assessment>().Select(a => a.PublishedAt).SingleAsync());
    }

    [Fact]
    public async Task ASessionAtA_CannotMarkAClassOfB_WhereNotesIsOff()
    {
        var id = await MarkedAtBAsync();
        await SwitchAsync(F.B.Id, EntService.Grades, on: false);
        await EveryMarkingPathIsRefusedAsync(id);
        using (new InEnglish())
            Assert.Equal(
                "This service is not open in this school.",
                (await Grades.SaveCellAsync(InA, id, Two.StudentB, "3")).Errors.Single()
            );
    }

    [Fact]
    public async Task ASessionAtA_CannotMarkAClassOfB_OnceBIsArchived()
    {
        var id = await MarkedAtBAsync();
        await ArchiveBAsync();
        await EveryMarkingPathIsRefusedAsync(id);
    }

    [Fact]
    public async Task WhereNotesRunsAtB_ASessionAtA_WhereItIsOff_StillMarksB()
    {
        var id = await MarkedAtBAsync();
        await SwitchAsync(F.A.Id, EntService.Grades, on: false);
        Assert.True((await Grades.GridAsync(InA, id)).Succeeded);
        Assert.Equal("15", (await Grades.SaveCellAsync(InA, id, Two.StudentB, "15")).Value);
        Assert.True((await Grades.PasteAsync(InA, id, Two.StudentB, "16")).Succeeded);
        Assert.True((await Grades.PublishAsync(InA, id, publish: true)).Succeeded);
        Assert.True((await Grades.CsvAsync(InA, id)).Succeeded);
        Assert.True((await Grades.CreateAsync(InA, DraftAtB)).Succeeded);
    }

    [Fact]
    public async Task TheAssessmentList_ShowsTheSessionsSchoolOnly()
    {
        var atB = await MarkedAtBAsync();
        Assert.Contains(atB, (await Grades.AssessmentsAsync(InB)).Select(a => a.Id));
        Assert.DoesNotContain(atB, (await Grades.AssessmentsAsync(InA)).Select(a => a.Id));
    }
}
