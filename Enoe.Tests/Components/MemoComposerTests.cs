using Bunit;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Enoe.Widgets.Memos;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Components;

public sealed class MemoComposerTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s => Enoe.Widgets.WidgetsServiceCollectionExtensions.AddEnoeWidgets(s));
        _f = await TwoSchools.CreateAsync(_database);
        await using (var db = _database.NewContext())
        {
            db.TeachingAssignments.Add(new TeachingAssignment { TeacherId = _f.TeacherA.Id, SchoolClassId = _f.ClassA.Id, Subject = new Subject { SchoolId = _f.A.Id, Code = "SVT", Name = "SVT" } });
            await db.SaveChangesAsync();
        }
        this.AddDashboardServices(_database);
        this.SignInAs(_f.TeacherA, _f.A.Id, Profile.Teacher);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<int> MemoCountAsync()
    {
        await using var db = _database.NewContext();
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
        Assert.Equal(1, await _database.Get<MemoService>().UnreadCountAsync(TwoSchools.As(_f.StudentA, _f.A)));
    }
}
