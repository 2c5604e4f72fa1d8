using System.Text;
using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Enoe.Tests.Support.AcademyConsole;

namespace Enoe.Tests.Data;

public sealed class SchoolImportTests : AcademyConsoleTest
{
    [Fact]
    public async Task ValidFile_CreatesEachSchool_WithTheServicesItLists()
    {
        var file = Csv(
            Line(1, "Collège Jules Verne"),
            $"{Uai.Create("0700123")};Lycée Gérôme;lycee;Vesoul;;portail,memos;non",
            $"{Uai.Create("0390999")};EREA du Jura;erea;;windows;;oui"
        );

        var result = await Schools.ImportAsync(Admin, file);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(3, result.Value!.Count(ImportOutcome.Created));
        await using var db = Database.NewContext();
        var lycee = await db.Schools.Include(s => s.ClosedServices).SingleAsync(s => s.Uai == Uai.Create("0700123"));
        Assert.Equal(
            ("Lycée Gérôme", SchoolKind.Lycee, "Vesoul", PedagogicalNetwork.None, false, "lycee-gerome"),
            (lycee.Name, lycee.Kind, lycee.City, lycee.Network, lycee.ExternalAccess, lycee.Slug)
        );
        Assert.Equal(
            [
                "bookings",
                "documents",
                "grades",
                "logbook",
                "public-site",
                "resources",
                "school-life",
                "skills",
                "timetable",
            ],
            lycee.ClosedServices.Select(c => c.ServiceKey).Order()
        );
        var erea = await db.Schools.Include(s => s.ClosedServices).SingleAsync(s => s.Kind == SchoolKind.Erea);
        Assert.Equal(11, erea.ClosedServices.Count); // nothing listed: every service of the file's vocabulary off
        Assert.DoesNotContain(erea.ClosedServices, c => c.ServiceKey == EntService.UsefulLinks.Key);
    }

    [Fact]
    public async Task ThreeBadLines_AreEachReportedWithTheirLineNumber_AndNothingIsWritten()
    {
        var file = Csv(
            Line(1),
            $"{Uai.Create("0259002")[..7]}X;Collège faux;college;Dole;;portail;oui", // wrong check letter
            Line(3),
            $"{Uai.Create("0259004")};Collège;ecole;Dole;;portail;oui", // unknown type
            Line(5),
            Line(1, "Le même UAI") // duplicate of line 2
        );
        var before = await CountAsync();

        var result = await Schools.ImportAsync(Admin, file);

        Assert.Equal(ResultKind.Invalid, result.Kind);
        Assert.Equal(3, result.Errors.Count);
        Assert.StartsWith("Ligne 3 : La lettre clé de l'UAI", result.Errors[0]);
        Assert.Contains($"elle doit être {Uai.Create("0259002")[7]}", result.Errors[0]);
        Assert.Equal(
            "Ligne 5 : type « ecole » inconnu (college, lycee, lycee-professionnel ou erea).",
            result.Errors[1]
        );
        Assert.Equal($"Ligne 7 : l'UAI {Uai.Create("0259001")} est déjà à la ligne 2.", result.Errors[2]);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task UnknownHeader_IsRefused()
    {
        var result = await Schools.PreviewImportAsync(Admin, Encoding.UTF8.GetBytes("uai,nom,type\r\n"));
        Assert.StartsWith("La première ligne doit être exactement", Assert.Single(result.Errors));
    }

    [Fact]
    public async Task Reimport_UpdatesTheSchool_ShowsEachFieldChange_AndRecordsTheSwitchChanges()
    {
        Assert.True((await Schools.ImportAsync(Admin, Csv(Line(1), Line(2)))).Succeeded);
        var changed = Csv(Line(1, "Collège Victor Hugo", "portail,site,carnet,memos,documents,notes", "non"), Line(2));

        var preview = await Schools.PreviewImportAsync(Admin, changed);
        Assert.Equal(0, await SwitchChangesAsync()); // a preview writes nothing
        var result = await Schools.ImportAsync(Admin, changed);

        Assert.Equal(Flat(preview.Value!), Flat(result.Value!));
        var row = result.Value!.Rows[0];
        Assert.Equal(ImportOutcome.Updated, row.Outcome);
        Assert.Equal(
            [ImportField.Name, ImportField.Services, ImportField.ExternalAccess],
            row.Changes.Select(c => c.Field)
        );
        Assert.Equal(new FieldChange(ImportField.ExternalAccess, "oui", "non"), row.Changes[2]);
        Assert.Equal(ImportOutcome.Unchanged, result.Value.Rows[1].Outcome);
        await using var db = Database.NewContext();
        var id = await db.Schools.Where(s => s.Uai == Uai.Create("0259001")).Select(s => s.Id).SingleAsync();
        var changes = await db.Set<ServiceSwitchChange>().Where(c => c.SchoolId == id).ToListAsync();
        Assert.All(changes, c => Assert.Equal(Admin.PersonId, c.ChangedById));
        Assert.Equal(ServiceState.Off, changes.Single(c => c.ServiceKey == "bookings").After);
        Assert.Equal(ServiceState.InsideOnly, changes.Single(c => c.ServiceKey == "memos").After);
        // The useful links are not in the file: left running, but inside only like everything once access is "non".
        Assert.Equal(
            (ServiceState.On, ServiceState.InsideOnly),
            changes.Where(c => c.ServiceKey == "useful-links").Select(c => (c.Before, c.After)).Single()
        );
        Assert.Equal(10, changes.Count);
    }

    [Fact]
    public async Task WithOrWithoutByteOrderMark_TheFileReadsTheSame()
    {
        var line = Line(1, "Collège Édouard Bélin");
        var withBom = await Schools.PreviewImportAsync(Admin, Csv(bom: true, line));
        var without = await Schools.PreviewImportAsync(Admin, Csv(bom: false, line));

        Assert.Equal("Collège Édouard Bélin", Assert.Single(withBom.Value!.Rows).Name);
        Assert.Equal(Flat(withBom.Value), Flat(without.Value!));
    }

    [Fact]
    public async Task Export_ReadsBackUnchanged_AndAFormulaLikeNameIsNeutralised()
    {
        var file = Csv(
            Line(1, "\"=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\""),
            $"{Uai.Create("0700123")};\"Lycée \"\"Gérôme\"\"\";lycee-professionnel;Vesoul;aurigephp;notes;non"
        );
        var imported = await Schools.ImportAsync(Admin, file);
        Assert.True(imported.Succeeded, string.Join(" ", imported.Errors));

        var export = await Schools.ExportAsync(Admin);
        var text = Encoding.UTF8.GetString(export.Value!);
        Assert.StartsWith("\uFEFF" + SchoolCsv.Header, text);
        Assert.Contains("'=HYPERLINK", text); // a spreadsheet shows it as text rather than running it
        var again = await Schools.PreviewImportAsync(Admin, export.Value!);

        Assert.True(again.Succeeded, string.Join(" ", again.Errors));
        Assert.Equal(4, again.Value!.Rows.Count); // the two of the fixture too
        Assert.All(again.Value.Rows, r => Assert.Equal(ImportOutcome.Unchanged, r.Outcome));
    }

    [Fact]
    public async Task OnlyAcademyAdmins_ListImportOrExport()
    {
        var schoolAdmin = TwoSchools.As(F.AdminA, F.A);
        Assert.Equal(ResultKind.Forbidden, (await Schools.ImportAsync(schoolAdmin, Csv(Line(1)))).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Schools.PreviewImportAsync(schoolAdmin, Csv(Line(1)))).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Schools.ExportAsync(schoolAdmin)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Schools.ListAsync(schoolAdmin, new SchoolQuery())).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Schools.SetArchivedAsync(schoolAdmin, F.A.Id, true)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Schools.CreateAsync(schoolAdmin, new SchoolForm())).Kind);
        Assert.Equal(2, await CountAsync());
    }

    [Fact]
    public async Task InEnglish_TheBadLinesAreExplainedInEnglish()
    {
        using var _ = new InEnglish();
        var result = await Schools.PreviewImportAsync(Admin, Csv(Line(1, services: "portail,agenda")));
        Assert.StartsWith("Line 2: unknown service \"agenda\" (expected: ", Assert.Single(result.Errors));
    }

    private static string Flat(ImportPreview preview) =>
        string.Join(
            "\n",
            preview.Rows.Select(r => $"{r.Line} {r.Uai} {r.Name} {r.Outcome} {string.Join(" ", r.Changes)}")
        );

    private async Task<int> CountAsync()
    {
        await using var db = Database.NewContext();
        return await db.Schools.CountAsync();
    }

    private async Task<int> SwitchChangesAsync()
    {
        await using var db = Database.NewContext();
        return await db.Set<ServiceSwitchChange>().CountAsync();
    }
}
