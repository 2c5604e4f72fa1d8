using Bunit;
using Enoe.App.Components.Academy;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using static Enoe.Tests.Support.AcademyConsole;

namespace Enoe.Tests.Components;

public sealed class SchoolImportPageTests : SchoolComponentTest
{
    protected override async Task ArrangeAsync()
    {
        await AcademyAdminAsync(Database, F.AdminA);
        this.SignInAs(F.AdminA, F.A.Id, Profile.SchoolAdmin | Profile.AcademyAdmin);
    }

    private IRenderedComponent<SchoolImportPage> Upload(byte[] file)
    {
        var page = Render<SchoolImportPage>();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(file, "etablissements.csv"));
        return page;
    }

    [Fact]
    public async Task AFile_IsPreviewedField_ByField_ThenAppliedByTheButton()
    {
        var page = Upload(Csv(Line(1), $"{Uai.Create("0250001")};Collège A;college;;;{AllServices};non"));

        page.WaitForAssertion(() => Assert.Contains("1 créé(s), 1 modifié(s), 0 inchangé(s)", page.Markup));
        Assert.Contains("Nom :", page.Find("tbody tr:nth-child(2)").TextContent);
        Assert.Contains("Collège college-a", page.Find("tbody tr:nth-child(2) del").TextContent);
        await using (var db = Database.NewContext())
            Assert.Equal(2, await db.Schools.CountAsync()); // nothing written yet

        page.Find("button:contains('Appliquer l\\'import')").Click();

        page.WaitForAssertion(() => Assert.Contains("Import terminé.", page.Markup));
        await using var after = Database.NewContext();
        Assert.Equal(3, await after.Schools.CountAsync());
        Assert.False((await after.Schools.SingleAsync(s => s.Id == F.A.Id)).ExternalAccess);
    }

    [Fact]
    public void BadLines_AreListed_AndNothingCanBeApplied()
    {
        var page = Upload(Csv(Line(1), Line(2, external: "si"), "trop;peu"));

        page.WaitForAssertion(() => Assert.Contains("Rien n'a été importé", page.Markup));
        Assert.Equal(
            ["Ligne 3 : acces_exterieur « si » : oui ou non.", "Ligne 4 : 2 colonnes au lieu de 7."],
            page.FindAll("[role=alert] li").Select(li => li.TextContent)
        );
        Assert.Empty(page.FindAll("button"));
    }

    [Fact]
    public void InEnglish_ThePreviewSpeaksEnglish()
    {
        using var _ = new InEnglish();
        var page = Upload(Csv(Line(1)));

        page.WaitForAssertion(() => Assert.Contains("1 created, 0 updated, 0 unchanged", page.Markup));
        Assert.Contains("Apply the import", page.Find("button").TextContent);
        Assert.Contains("Schools CSV file", page.Find("label[for=import-file]").TextContent);
    }
}
