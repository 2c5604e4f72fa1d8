using Bunit;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Enoe.Widgets.Memos;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Components;

public sealed class MemoComposerTests : SchoolComponentTest
{
    protected override async Task ArrangeAsync()
    {
        await using (var db = Database.NewContext())
        {
            db.TeachingAssignments.Add(new TeachingAssignment { TeacherId = F.TeacherA.Id, SchoolClassId = F.ClassA.Id, Subject = new Subject { SchoolId = F.A.Id, Code = "SVT", Name = "SVT" } });
            await db.SaveChangesAsync();
        }
        this.SignInAs(F.TeacherA, F.A.Id, Profile.Teacher);
    }

    private async Task<int> MemoCountAsync()
    {
        await using var db = Database.NewContext();
        return await db.Memos.CountAsync();
    }

    [Fact]
    public async Task AnEmptyForm_IsRefusedInFrench_AndNothingIsSent()
    {
        var composer = Render<MemoComposer>();
        composer.FindAll("button").Single(b => b.TextContent == "Envoyer").Click();

        composer.WaitForAssertion(() => Assert.Contains("Choisissez au moins un destinataire.", composer.Markup));
        Assert.Contains("Donnez un objet au mémo.", composer.Markup);
        Assert.Contains("Le mémo est vide : écrivez votre message.", composer.Markup);
        Assert.Equal(0, await MemoCountAsync());
    }

    [Fact]
    public async Task ARefusal_KeepsWhatWasTyped_AndASend_ReachesTheClass()
    {
        var composer = Render<MemoComposer>();
        composer.Find("#memo-subject").Change("Sortie SVT");
        composer.Find("#memo-body").Change("Prévoir des bottes.");
        composer.FindAll("button").Single(b => b.TextContent == "Envoyer").Click();
        composer.WaitForAssertion(() => Assert.Contains("Choisissez au moins un destinataire.", composer.Markup));
        Assert.Equal("Sortie SVT", composer.Find("#memo-subject").GetAttribute("value"));
        Assert.Equal("Prévoir des bottes.", composer.Find("#memo-body").GetAttribute("value"));

        composer.Find("#memo-to").Input("6eA");
        composer.WaitForAssertion(() => Assert.Contains("Élèves de 6eA", composer.Markup));
        composer.FindAll("button").Single(b => b.TextContent == "Élèves de 6eA").Click();
        composer.FindAll("button").Single(b => b.TextContent == "Envoyer").Click();

        composer.WaitForAssertion(() => Assert.Contains("Mémo envoyé à Élèves de 6eA.", composer.Markup));
        Assert.Equal(1, await MemoCountAsync());
        Assert.Equal(1, await Database.Get<MemoService>().UnreadCountAsync(TwoSchools.As(F.StudentA, F.A)));
    }
}
