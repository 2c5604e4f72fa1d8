using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Enoe.Tests.Support.AcademyConsole;

namespace Enoe.Tests.Data;

public sealed class SchoolAdministrationTests : AcademyConsoleTest
{
    private static SchoolForm Form(string digits = "0250100", string slug = "college-neuf") =>
        new()
        {
            Uai = Uai.Create(digits),
            Name = "Collège Neuf",
            Slug = slug,
            City = "Pontarlier",
        };

    [Fact]
    public async Task AWrongCheckLetter_IsRefused_NamingTheLetterExpected()
    {
        var form = Form();
        var expected = form.Uai[7];
        form.Uai = form.Uai[..7] + (expected == 'A' ? 'B' : 'A');

        var result = await Schools.CreateAsync(Admin, form);

        Assert.Equal(
            $"La lettre clé de l'UAI {form.Uai} est fausse : avec ces sept chiffres, elle doit être {expected}.",
            Assert.Single(result.Errors)
        );
    }

    [Theory]
    [InlineData("gestion", "L'adresse « gestion » est réservée à l'ENT lui-même : choisissez-en une autre.")]
    [InlineData("college-a", "L'adresse « college-a » est déjà celle d'un autre établissement.")]
    [InlineData("Collège", "L'adresse du site s'écrit en lettres minuscules sans accents et en chiffres")]
    public async Task ASlugReservedTakenOrMalformed_IsRefused(string slug, string message)
    {
        var result = await Schools.CreateAsync(Admin, Form(slug: slug));
        Assert.StartsWith(message, Assert.Single(result.Errors));
    }

    [Fact]
    public async Task BadNetworksAndColour_AreNamed()
    {
        var form = Form();
        (form.InsideNetworks, form.PrimaryColor) = ("10.25.7.0/24 salle-info 300.1.1.1", "bleu");

        var result = await Schools.CreateAsync(Admin, form);

        Assert.Contains(
            "Ces éléments ne sont pas des plages réseau (CIDR, comme 10.25.7.0/24) : salle-info, 300.1.1.1.",
            result.Errors
        );
        Assert.Contains("La couleur s'écrit #rrggbb, par exemple #1e5aa8.", result.Errors);
    }

    [Fact]
    public async Task Creating_WithAFirstAdmin_GivesThemATemporaryPasswordToChange()
    {
        var form = Form();
        form.Admin = new FirstAdmin
        {
            FirstName = "Anne",
            LastName = "Bérard",
            Login = "anne.berard",
        };

        var result = await Schools.CreateAsync(Admin, form);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var admin = result.Value!.Admin!;
        Assert.Equal("anne.berard", admin.UserName);
        Assert.Equal(12, admin.TemporaryPassword.Length);
        await using var db = Database.NewContext();
        var person = await db.Users.Include(p => p.Memberships).SingleAsync(p => p.Id == admin.PersonId);
        Assert.True(person.MustChangePassword);
        Assert.NotNull(person.PasswordHash);
        var membership = Assert.Single(person.Memberships);
        Assert.Equal(
            (result.Value.Id, Profile.Staff | Profile.SchoolAdmin),
            (membership.SchoolId, membership.Profiles)
        );
    }

    [Fact]
    public async Task ALoginTaken_LeavesNoSchoolBehind()
    {
        var form = Form();
        form.Admin = new FirstAdmin
        {
            FirstName = "Anne",
            LastName = "Bérard",
            Login = "staffa",
        };

        var result = await Schools.CreateAsync(Admin, form);

        Assert.Equal("L'identifiant « staffa » est déjà pris.", Assert.Single(result.Errors));
        await using var db = Database.NewContext();
        Assert.False(await db.Schools.AnyAsync(s => s.Slug == "college-neuf"));
    }

    [Fact]
    public async Task Archiving_HidesTheSchoolFromThePublicList_AndSwitchesEveryServiceOff()
    {
        var published = new List<int>();
        using var _ = Database
            .Get<IEventBus>()
            .Subscribe<SchoolServicesChanged>(e =>
            {
                lock (published)
                    published.Add(e.SchoolId);
                return Task.CompletedTask;
            });

        Assert.True((await Schools.SetArchivedAsync(Admin, F.A.Id, true)).Succeeded);

        var directory = Database.Get<SchoolDirectory>();
        Assert.Equal(["college-b"], (await directory.ListAsync()).Select(s => s.Slug));
        Assert.Null(await directory.FindPublicSiteAsync("college-a"));
        Assert.Equal(ServiceState.Off, await Database.Get<ServiceAccess>().StateAsync(F.A.Id, EntService.Memos));
        await Database.DeliveredAsync();
        Assert.Equal([F.A.Id], published);
        await using var db = Database.NewContext();
        var changes = await db.Set<ServiceSwitchChange>().Where(c => c.SchoolId == F.A.Id).ToListAsync();
        Assert.Equal(12, changes.Count);
        Assert.All(
            changes,
            c => Assert.Equal((ServiceState.On, ServiceState.Off, Admin.PersonId), (c.Before, c.After, c.ChangedById))
        );
        var list = await Schools.ListAsync(Admin, new SchoolQuery());
        Assert.DoesNotContain(list.Value!.Rows, r => r.Id == F.A.Id);
        Assert.Contains(
            (await Schools.ListAsync(Admin, new SchoolQuery(IncludeArchived: true))).Value!.Rows,
            r => r.Archived
        );
    }

    [Fact]
    public async Task NoExternalAccess_RecordsEveryServiceInsideOnly()
    {
        var form = (await Schools.GetAsync(Admin, F.B.Id)).Value!.Form;
        form.ExternalAccess = false;
        form.InsideNetworks = "10.25.2.0/24";

        Assert.True((await Schools.UpdateAsync(Admin, F.B.Id, form)).Succeeded);

        await using var db = Database.NewContext();
        var changes = await db.Set<ServiceSwitchChange>().Where(c => c.SchoolId == F.B.Id).ToListAsync();
        Assert.Equal(12, changes.Count);
        Assert.All(changes, c => Assert.Equal((ServiceState.On, ServiceState.InsideOnly), (c.Before, c.After)));
        Assert.Equal("10.25.2.0/24", (await db.Schools.SingleAsync(s => s.Id == F.B.Id)).InsideNetworks);
    }

    [Fact]
    public async Task TheList_IsSearchedFilteredAndPagedOnTheServer()
    {
        var lines = Enumerable.Range(1, 172).Select(n => Line(n, services: n % 2 == 0 ? "memos" : AllServices));
        Assert.True((await Schools.ImportAsync(Admin, Csv([.. lines]))).Succeeded);

        var all = (await Schools.ListAsync(Admin, new SchoolQuery(Page: 7))).Value!;
        var withBookings = (await Schools.ListAsync(Admin, new SchoolQuery(Running: EntService.Bookings))).Value!;
        var found = (await Schools.ListAsync(Admin, new SchoolQuery(Search: "n°17"))).Value!;
        var byUai = (await Schools.ListAsync(Admin, new SchoolQuery(Search: Uai.Create("0259042").ToLower()))).Value!;
        var inDole = (await Schools.ListAsync(Admin, new SchoolQuery(City: "Dole"))).Value!;

        Assert.Equal((174, 7, 7, 24), (all.Total, all.Page, all.Pages, all.Rows.Count));
        Assert.Equal(88, withBookings.Total); // the odd ones and the fixture's two
        Assert.Equal(4, found.Total); // 17 and 170 to 172
        Assert.Equal("Collège n°42", Assert.Single(byUai.Rows).Name);
        Assert.Equal(0, inDole.Total);
    }
}
