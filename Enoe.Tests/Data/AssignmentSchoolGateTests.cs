using Enoe.Data.Assignments;
using Enoe.Data.Common;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>Setting and deleting a devoir pass the Documents switch of the class's établissement.</summary>
public sealed class AssignmentSchoolGateTests : DataSchoolGateTest
{
    private AssignmentService Assignments => Get<AssignmentService>();

    private AssignmentDraft DraftAtB =>
        new()
        {
            SchoolClassId = Two.ClassB,
            SubjectId = Two.SubjectB,
            Title = "Rédaction en B",
            DueLocal = SchoolTime.ToLocal(Database.Clock.GetUtcNow().UtcDateTime).Date.AddDays(3).AddHours(18),
        };

    [Fact]
    public async Task ASessionAtA_CannotSetOrDeleteADevoirOfB_WhereDocumentsIsOff()
    {
        var id = (await Assignments.CreateAsync(InB, DraftAtB, [])).Value;
        await SwitchAsync(F.B.Id, EntService.Documents, on: false);

        Refused(await Assignments.CreateAsync(InA, DraftAtB, []));
        Refused(await Assignments.DeleteAsync(InA, id));

        await using var db = Database.NewContext();
        Assert.Equal([id], await db.Assignments.Select(a => a.Id).ToListAsync());
    }

    [Fact]
    public async Task WhereDocumentsRunsAtB_ASessionAtA_WhereItIsOff_StillSetsAndDeletes()
    {
        await SwitchAsync(F.A.Id, EntService.Documents, on: false);
        var set = await Assignments.CreateAsync(InA, DraftAtB, []);
        Assert.True(set.Succeeded, string.Join(" ", set.Errors));
        Assert.True((await Assignments.DeleteAsync(InA, set.Value)).Succeeded);
    }
}
