using Enoe.Data.Grades;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed partial class GradeServiceTests
{
    [Fact]
    public async Task TwelveSavesOfOneCellAtOnce_AllSucceed_AndLeaveOneGrade()
    {
        var id = await NewMathsAssessmentAsync("Interrogation");

        var results = await Race.AtOnceAsync(
            12,
            i => Grades.SaveCellAsync(As(_f.TeacherA), id, _f.StudentA.Id, (8 + i).ToString())
        );

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join(" ", r.Errors)));
        await using var db = _database.NewContext();
        Assert.Equal(1, await db.Set<Grade>().CountAsync(g => g.AssessmentId == id && g.StudentId == _f.StudentA.Id));
    }
}
