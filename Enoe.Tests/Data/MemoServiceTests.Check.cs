using Enoe.Data.Common;
using Enoe.Data.Memos;
using Enoe.Data.Structure;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data;

/// <summary>Refusals that name the rule, and the admin's "Puis-je écrire à… ?" between any two people.</summary>
public sealed partial class MemoServiceTests
{
    [Fact]
    public async Task AParentWritingToAnotherParent_IsToldTheRuleIsSwitchedOff()
    {
        // OtherParent's child is in 6eB: put a child of ParentA's there too, so only the switch stands in the way.
        await using (var db = _database.NewContext())
        {
            db.Enrolments.Add(new Enrolment { StudentId = _classmate.Id, SchoolClassId = _classB.Id });
            await db.SaveChangesAsync();
        }
        var refused = await SendAsync(As(_f.ParentA), Draft(To(_otherParent)), []);
        Assert.Equal(
            "Vous ne pouvez pas écrire à OtherParent Test : la règle « parents → autres parents » est désactivée "
                + "par l'établissement. Rien n'a été envoyé.",
            refused.Errors.Single()
        );
        await Memos.SaveRulesAsync(As(_f.AdminA), MemoRules.Default | MemoRules.ParentsToClassParents);
        Assert.True(await CanWriteAsync(_f.ParentA, _otherParent));
    }

    [Fact]
    public async Task TheAdmin_AsksWhetherOnePersonMayWriteToAnother_AndReadsTheRule()
    {
        var admin = As(_f.AdminA);
        var found = (await Memos.MembersAsync(admin, "othe")).Value!;
        Assert.Equal(["OtherParent Test", "OtherStudent Test", "OtherTeacher Test"], found.Select(m => m.Name));
        Assert.Empty((await Memos.MembersAsync(admin, "staffb")).Value!); // another établissement

        Assert.Equal(
            new ReachAnswer(
                true,
                "Oui : TeacherA Test peut écrire à StudentA Test (règle « enseignants → leurs élèves »)."
            ),
            (await Memos.CheckReachAsync(admin, _f.TeacherA.Id, _f.StudentA.Id)).Value
        );
        Assert.Equal(
            new ReachAnswer(
                false,
                "Non : StudentA Test ne peut pas écrire à Classmate Test, la règle « élèves → élèves de leurs "
                    + "classes » est désactivée par l'établissement."
            ),
            (await Memos.CheckReachAsync(admin, _f.StudentA.Id, _classmate.Id)).Value
        );
        Assert.Equal(
            "Non : aucune règle de l'établissement ne permet à TeacherA Test d'écrire à OtherStudent Test.",
            (await Memos.CheckReachAsync(admin, _f.TeacherA.Id, _otherStudent.Id)).Value!.Text
        );
        Assert.True((await Memos.CheckReachAsync(admin, _f.StaffA.Id, _otherStudent.Id)).Value!.Allowed);
        Assert.Equal(ResultKind.NotFound, (await Memos.CheckReachAsync(admin, _f.TeacherA.Id, _f.StaffB.Id)).Kind);
    }

    [Fact]
    public async Task OnlyTheSchoolsAdmin_MayAskWhoWritesToWhom()
    {
        Assert.Equal(
            ResultKind.Forbidden,
            (await Memos.CheckReachAsync(As(_f.TeacherA), _f.StudentA.Id, _classmate.Id)).Kind
        );
        Assert.Equal(ResultKind.Forbidden, (await Memos.MembersAsync(As(_f.StaffA), "test")).Kind);
        using var _ = new InEnglish();
        Assert.Equal(
            "No: StudentA Test cannot write to Classmate Test, the school has switched off the rule "
                + "“students → their classmates”.",
            (await Memos.CheckReachAsync(As(_f.AdminA), _f.StudentA.Id, _classmate.Id)).Value!.Text
        );
    }
}
