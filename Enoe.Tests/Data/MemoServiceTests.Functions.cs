using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data;

/// <summary>
/// Whom staff reach follows their function: the CPE (like the direction, the secrétariat and the admins) writes to
/// everyone whatever the switches; an agent writes to the personnel only.
/// </summary>
public sealed partial class MemoServiceTests
{
    [Fact]
    public async Task AnAgent_WritesToTheirColleagues_NotToStudentsOrParents()
    {
        await _database.GiveAsync(_f.StaffA, _f.A, StaffFunction.Agent);

        Assert.True(await CanWriteAsync(_f.StaffA, _f.TeacherA));
        Assert.True(await CanWriteAsync(_f.StaffA, _f.AdminA));
        Assert.False(await CanWriteAsync(_f.StaffA, _f.StudentA));
        Assert.False(await CanWriteAsync(_f.StaffA, _f.ParentA));
        var answer = (await Memos.CheckReachAsync(As(_f.AdminA), _f.StaffA.Id, _f.TeacherA.Id)).Value!;
        Assert.Equal("Oui : StaffA Test fait partie du personnel, qui écrit à tous ses collègues.", answer.Text);
        Assert.False((await Memos.CheckReachAsync(As(_f.AdminA), _f.StaffA.Id, _f.StudentA.Id)).Value!.Allowed);
        using var _ = new InEnglish();
        Assert.Equal(
            "Yes: StaffA Test is a member of staff, and staff can write to all their colleagues.",
            (await Memos.CheckReachAsync(As(_f.AdminA), _f.StaffA.Id, _f.TeacherA.Id)).Value!.Text
        );
    }

    [Fact]
    public async Task TheCpe_WritesToEveryone_EvenWithEveryRuleSwitchedOff()
    {
        await _database.GiveAsync(_f.StaffA, _f.A, StaffFunction.Cpe);
        await Memos.SaveRulesAsync(As(_f.AdminA), MemoRules.None);

        foreach (var reader in new[] { _f.StudentA, _f.ParentA, _otherStudent, _otherParent, _f.TeacherA })
            Assert.True(await CanWriteAsync(_f.StaffA, reader), reader.FirstName);
        Assert.StartsWith(
            "Oui : StaffA Test est de la direction, de la vie scolaire",
            (await Memos.CheckReachAsync(As(_f.AdminA), _f.StaffA.Id, _f.StudentA.Id)).Value!.Text
        );
    }
}
