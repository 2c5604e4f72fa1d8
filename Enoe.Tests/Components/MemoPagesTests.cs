using Bunit;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Enoe.Widgets.Memos;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Components;

/// <summary>
/// The mémo pages: deleting, to the bin or for good, asks first (a mis-tap never hides or destroys one); the sender's
/// receipts say when the copies are still being written.
/// </summary>
public sealed class MemoPagesTests : SchoolComponentTest
{
    private int _memoId;

    protected override async Task ArrangeAsync()
    {
        this.SignInAs(F.StudentA, F.A.Id, Profile.Student);
        var sent = await Database
            .Get<MemoService>()
            .SendAsync(
                TwoSchools.As(F.StaffA, F.A),
                new MemoDraft
                {
                    To = [new(AudienceKind.Person, F.StudentA.Id, "StudentA")],
                    Subject = "Cantine",
                    Body = "Le menu de la semaine.",
                },
                []
            );
        _memoId = sent.Value;
        await Database.Get<MemoService>().WhenDeliveredAsync(); // the student's copy is written after the send
    }

    private async Task<MemoFolder> FolderAsync()
    {
        await using var db = Database.NewContext();
        return await db.Set<MemoRecipient>()
            .Where(r => r.MemoId == _memoId && r.PersonId == F.StudentA.Id)
            .Select(r => r.Folder)
            .SingleAsync();
    }

    [Fact]
    public async Task MovingAMemoToTheBin_AsksFirst_AndCancelKeepsItInTheInbox()
    {
        var page = Render<ConversationPage>(p => p.Add(c => c.Id, _memoId));
        IRenderedComponent<ConversationPage> BinButton()
        {
            page.FindAll("button")
                .Single(b => b.TextContent == "Mettre à la corbeille" && b.Closest("dialog") is null)
                .Click();
            return page;
        }
        page.WaitForAssertion(() => Assert.Contains("Le menu de la semaine.", page.Markup));

        BinButton()
            .WaitForAssertion(() =>
                Assert.Contains("Mettre ce mémo à la corbeille ?", page.Find("dialog").TextContent)
            );
        var renders = page.RenderCount;
        page.FindAll("dialog button")[1].Click(); // Annuler
        page.WaitForState(() => page.RenderCount > renders); // the page has heard the answer
        Assert.Equal(MemoFolder.Inbox, await FolderAsync());

        BinButton().WaitForElement("dialog .enoe-tool-danger").Click();
        page.WaitForAssertion(() => Assert.EndsWith("/memos", Services.GetRequiredService<NavigationManager>().Uri));
        Assert.Equal(MemoFolder.Bin, await FolderAsync());
    }

    [Fact]
    public async Task EmptyingTheBin_AsksFirst_AndOnlyThenDeletesForGood()
    {
        await Database.Get<MemoService>().MoveAsync(TwoSchools.As(F.StudentA, F.A), _memoId, MemoFolder.Bin);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/memos?dossier=corbeille");
        var page = Render<MemosPage>();
        void EmptyBin() =>
            page.FindAll("button")
                .Single(b => b.TextContent == "Vider la corbeille" && b.Closest("dialog") is null)
                .Click();
        page.WaitForAssertion(() => Assert.Contains("Cantine", page.Markup));

        EmptyBin();
        page.WaitForAssertion(() =>
            Assert.Contains(
                "Supprimer définitivement tous les mémos de la corbeille ?",
                page.Find("dialog").TextContent
            )
        );
        var renders = page.RenderCount;
        page.FindAll("dialog button")[1].Click(); // Annuler
        page.WaitForState(() => page.RenderCount > renders); // the page has heard the answer
        Assert.Equal(MemoFolder.Bin, await FolderAsync());

        EmptyBin();
        page.WaitForElement("dialog .enoe-tool-danger").Click();
        page.WaitForAssertion(() => Assert.Contains("Corbeille vidée.", page.Markup));
        Assert.Equal(MemoFolder.Deleted, await FolderAsync());
    }

    [Fact]
    public async Task TheSendersReceipts_WhileTheCopiesAreBeingWritten_SayItIsBeingDelivered()
    {
        this.SignInAs(F.StaffA, F.A.Id, Profile.Staff);
        await using (var db = Database.NewContext()) // as the send leaves it, before its delivery writes the copies
        {
            var audience = await db.Set<MemoAudience>().Where(a => a.MemoId == _memoId).Select(a => a.Id).SingleAsync();
            await db.Set<MemoRecipient>().Where(r => r.MemoId == _memoId).ExecuteDeleteAsync();
            var copies = $"{{\"HeldUntil\":\"2026-01-01T00:00:00Z\",\"Copies\":[[{F.StudentA.Id},{audience},0]]}}";
            await db.Set<Memo>()
                .Where(m => m.Id == _memoId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Undelivered, copies));
        }
        var page = Render<ConversationPage>(p => p.Add(c => c.Id, _memoId));
        page.WaitForAssertion(() => Assert.Contains("Le menu de la semaine.", page.Markup));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Qui l'a lu ?").Click();

        page.WaitForAssertion(() =>
            Assert.Equal(
                "Distribution en cours : personne ne l'a encore reçu.",
                page.Find("[aria-label='Accusés de lecture'] [role=status]").TextContent
            )
        );
        Assert.Contains("StudentA Test : 0/1 lus", page.Find("[aria-label='Accusés de lecture'] li").TextContent);
    }

    [Fact]
    public void TheMailbox_SpeaksEnglishToAnEnglishReader()
    {
        using var _ = new InEnglish();
        var page = Render<MemosPage>();
        page.WaitForAssertion(() => Assert.Contains("Cantine", page.Markup));
        Assert.Equal("Memos", page.Find("h1").TextContent);
        Assert.Contains("Inbox (1)", page.Find("[role=navigation]").TextContent);
        Assert.Contains("From: StaffA Test", page.Markup);
        Assert.Contains("Write a memo", page.Markup);
        Assert.DoesNotContain("Boîte de réception", page.Markup);
    }
}
