using Bunit;
using Enoe.Data.Documents;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Enoe.Widgets.Documents;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Components;

/// <summary>
/// Nothing a person put in their documents goes without a way back: the bin has an undo, deleting for good asks first.
/// </summary>
public sealed class DocumentsPageTests : SchoolComponentTest
{
    private CurrentUser _teacher = default!;
    private SpaceView _mine = default!;

    protected override async Task ArrangeAsync()
    {
        JSInterop.SetupConfirmDialog();
        _teacher = TwoSchools.As(F.TeacherA, F.A);
        var documents = Database.Get<DocumentService>();
        _mine = (await documents.SpacesAsync(_teacher)).Single(s => s.Kind == SpaceKind.Personal);
        Assert.True((await documents.UploadAsync(_teacher, _mine.Id, null, [TestFiles.Pdf("cours.pdf")])).Succeeded);
        this.SignInAs(F.TeacherA, F.A.Id, Profile.Teacher);
    }

    [Fact]
    public async Task PuttingADocumentInTheBin_OffersItBack_AndUndoRestoresIt()
    {
        var page = Render<DocumentsPage>();
        page.WaitForAssertion(() => Assert.Contains("cours.pdf", page.Find("table").TextContent));

        page.Find("button[aria-label='Mettre cours.pdf à la corbeille']").Click();

        page.WaitForAssertion(() =>
            Assert.Equal("« cours.pdf » est dans la corbeille.", page.Find(".enoe-undo span").TextContent)
        );
        Assert.DoesNotContain("cours.pdf", page.Find("table").TextContent);
        Assert.True(await InTheBinAsync());

        page.Find(".enoe-undo button").Click();

        page.WaitForAssertion(() => Assert.Contains("cours.pdf", page.Find("table").TextContent));
        Assert.Empty(page.FindAll(".enoe-undo"));
        Assert.False(await InTheBinAsync());
    }

    [Fact]
    public async Task DeletingForGood_AndEmptyingTheBin_AskFirst_AndCancellingDeletesNothing()
    {
        await Database.Get<DocumentService>().SetDeletedAsync(_teacher, (await DocumentAsync())!.Id, true);
        Navigate($"/documents?espace={_mine.Id}&vue=corbeille");
        var page = Render<DocumentsPage>();
        page.WaitForAssertion(() => Assert.Contains("cours.pdf", page.Find("table").TextContent));

        page.Find("button[aria-label='Supprimer définitivement cours.pdf']").Click();
        page.WaitForAssertion(() =>
            Assert.Contains("Supprimer définitivement « cours.pdf » ?", page.Find("dialog").TextContent)
        );
        Cancel(page);
        page.FindAll(".enoe-toolbar button").Single(b => b.TextContent == "Vider la corbeille").Click();
        page.WaitForAssertion(() =>
            Assert.Contains("Vider la corbeille ? Ses 1 document(s)", page.Find("dialog").TextContent)
        );
        Cancel(page);
        Assert.NotNull(await DocumentAsync());

        page.FindAll(".enoe-toolbar button").Single(b => b.TextContent == "Vider la corbeille").Click();
        page.Find("dialog button.enoe-tool-danger").Click();

        page.WaitForAssertion(() => Assert.Contains("La corbeille est vide.", page.Markup));
        Assert.Null(await DocumentAsync());
    }

    [Fact]
    public async Task DeletingAFolder_AsksFirst()
    {
        var folder = (
            await Database.Get<DocumentService>().CreateFolderAsync(_teacher, _mine.Id, null, "Séquence 2")
        ).Value;
        var page = Render<DocumentsPage>();
        page.WaitForAssertion(() => Assert.Contains("Séquence 2", page.Find("table").TextContent));

        page.Find("button[aria-label='Supprimer le dossier Séquence 2']").Click();
        page.WaitForAssertion(() =>
            Assert.Contains("Supprimer le dossier « Séquence 2 » ?", page.Find("dialog").TextContent)
        );
        Cancel(page);
        Assert.True(await FolderExistsAsync(folder));

        page.Find("button[aria-label='Supprimer le dossier Séquence 2']").Click();
        page.Find("dialog button.enoe-tool-danger").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain("Séquence 2", page.Find("table").TextContent));
        Assert.False(await FolderExistsAsync(folder));
    }

    [Fact]
    public void AnEnglishReader_GetsThePageInEnglish()
    {
        using (new InEnglish())
        {
            var page = Render<DocumentsPage>();
            page.WaitForAssertion(() => Assert.Contains("cours.pdf", page.Find("table").TextContent));
            Assert.Equal(["My documents", "Shared with me"], page.FindAll("nav a").Select(a => a.TextContent));
            Assert.Equal(["Rename", "Share", "Bin"], page.FindAll("table button").Select(b => b.TextContent));
            Assert.Contains("Create folder", page.Markup);
            foreach (
                var french in new[]
                {
                    "Corbeille",
                    "Renommer",
                    "Partager",
                    "Mes documents",
                    "Dossier",
                    "dossier",
                    "Espace",
                }
            )
                Assert.DoesNotContain(french, page.Markup);
        }
    }

    private static void Cancel(IRenderedComponent<DocumentsPage> page) =>
        page.FindAll("dialog button").Single(b => b.TextContent == "Annuler").Click();

    private void Navigate(string uri) => Services.GetRequiredService<NavigationManager>().NavigateTo(uri);

    private async Task<Document?> DocumentAsync()
    {
        await using var db = Database.NewContext();
        return await db.Set<Document>().SingleOrDefaultAsync();
    }

    private async Task<bool> InTheBinAsync() => (await DocumentAsync())!.DeletedAt is not null;

    private async Task<bool> FolderExistsAsync(int id)
    {
        await using var db = Database.NewContext();
        return await db.Set<Folder>().AnyAsync(f => f.Id == id);
    }
}
