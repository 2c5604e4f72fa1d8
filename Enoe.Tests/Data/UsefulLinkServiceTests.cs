using System.Globalization;
using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.UsefulLinks;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data;

public sealed class UsefulLinkServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private UsefulLinkService Links => _database.Get<UsefulLinkService>();
    private CurrentUser Admin => TwoSchools.As(_f.AdminA, _f.A);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private async Task<int> AddAsync(string title, Profile audience = Profile.Everyone)
    {
        var saved = await Links.SaveAsync(
            Admin,
            new UsefulLinkDraft
            {
                Title = title,
                Url = "https://example.org/" + title.Length,
                Audience = audience,
            }
        );
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        return saved.Value;
    }

    [Fact]
    public async Task EachPerson_SeesTheLinksForTheirProfile_InTheAdminsOrder()
    {
        var menu = await AddAsync("Menu de la cantine");
        await AddAsync("Bourses", Profile.Parent);
        var help = await AddAsync("Aide des personnels", Profile.Personnel);
        Assert.True((await Links.MoveUpAsync(Admin, help)).Succeeded);

        Assert.Equal(
            ["Menu de la cantine", "Bourses"],
            (await Links.ListForAsync(TwoSchools.As(_f.ParentA, _f.A))).Select(l => l.Title)
        );
        Assert.Equal(
            ["Menu de la cantine"],
            (await Links.ListForAsync(TwoSchools.As(_f.StudentA, _f.A))).Select(l => l.Title)
        );
        Assert.Equal(
            ["Menu de la cantine", "Aide des personnels", "Bourses"],
            (await Links.ListForAdminAsync(Admin)).Value!.Select(l => l.Title)
        );
        Assert.Equal(
            ["Aide des personnels", "Menu de la cantine"],
            (await Links.ListForAsync(TwoSchools.As(_f.TeacherA, _f.A))).Select(l => l.Title).OrderBy(t => t)
        );
        // Another établissement's people see none of them, even with an id taken from the page.
        Assert.Empty(await Links.ListForAsync(TwoSchools.As(_f.StaffB, _f.B)));
        Assert.Equal(ResultKind.Forbidden, (await Links.DeleteAsync(TwoSchools.As(_f.StaffB, _f.B), menu)).Kind);
    }

    /// <summary>
    /// A page's request passes the profiles it read with the workspace: the établissement's links come from the
    /// cache, filtered for them, and each change an admin makes is seen at once.
    /// </summary>
    [Fact]
    public async Task ThePagesRequest_ReadsTheCachedLinks_ForTheProfilesItRead_AndSeesEachChange()
    {
        var menu = await AddAsync("Menu de la cantine");
        await AddAsync("Bourses", Profile.Parent);
        var parent = TwoSchools.As(_f.ParentA, _f.A);
        async Task<string[]> CachedAsync(Profile profiles) =>
            [.. (await Links.ListForAsync(parent, profiles)).Select(l => l.Title)];

        Assert.Equal(["Menu de la cantine", "Bourses"], await CachedAsync(Profile.Parent));
        var help = await AddAsync("Aide", Profile.Parent);
        Assert.True((await Links.MoveUpAsync(Admin, help)).Succeeded);
        Assert.Equal(["Menu de la cantine", "Aide", "Bourses"], await CachedAsync(Profile.Parent));
        Assert.True((await Links.DeleteAsync(Admin, menu)).Succeeded);
        Assert.Equal(["Aide", "Bourses"], await CachedAsync(Profile.Parent));
        Assert.Empty(await CachedAsync(Profile.None)); // no longer a member there
    }

    /// <summary>The profiles a caller passes only narrow what the person sees: never past their own.</summary>
    [Fact]
    public async Task AStudent_PassingTheTeacherProfile_GetsNoTeachersLink()
    {
        await AddAsync("Menu de la cantine");
        await AddAsync("Aide des personnels", Profile.Teacher);
        var student = TwoSchools.As(_f.StudentA, _f.A);

        Assert.Empty(await Links.ListForAsync(student, Profile.Teacher));
        Assert.Equal(
            ["Menu de la cantine"],
            (await Links.ListForAsync(student, Profile.Teacher | Profile.Student)).Select(l => l.Title)
        );
    }

    [Theory]
    [InlineData("StaffA")]
    [InlineData("TeacherA")]
    [InlineData("ParentA")]
    public async Task OnlyTheSchoolsAdmins_KeepTheList(string who)
    {
        var id = await AddAsync("Menu");
        var person = who switch
        {
            "StaffA" => _f.StaffA,
            "TeacherA" => _f.TeacherA,
            _ => _f.ParentA,
        };
        var user = TwoSchools.As(person, _f.A);
        Assert.Equal(
            ResultKind.Forbidden,
            (await Links.SaveAsync(user, new UsefulLinkDraft { Title = "X", Url = "https://x.fr" })).Kind
        );
        Assert.Equal(ResultKind.Forbidden, (await Links.DeleteAsync(user, id)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Links.ListForAdminAsync(user)).Kind);
        Assert.Single((await Links.ListForAdminAsync(Admin)).Value!);
    }

    [Theory]
    [InlineData("", "https://x.fr", "Donnez un titre au lien.")]
    [InlineData(
        "Piège",
        "javascript:alert(1)",
        "L'adresse doit être une adresse web complète, commençant par https:// ou http://."
    )]
    [InlineData(
        "Relatif",
        "/gestion",
        "L'adresse doit être une adresse web complète, commençant par https:// ou http://."
    )]
    public async Task ABadLink_IsRefusedWithItsReason_AndNothingIsWritten(string title, string url, string message)
    {
        var refused = await Links.SaveAsync(Admin, new UsefulLinkDraft { Title = title, Url = url });
        Assert.Equal((ResultKind.Invalid, message), (refused.Kind, refused.Errors.Single()));
        Assert.Empty((await Links.ListForAdminAsync(Admin)).Value!);
        var nobody = await Links.SaveAsync(
            Admin,
            new UsefulLinkDraft
            {
                Title = "T",
                Url = "https://x.fr",
                Audience = Profile.AcademyAdmin,
            }
        );
        Assert.Equal("Choisissez au moins un profil qui verra ce lien.", nobody.Errors.Single());
    }

    [Fact]
    public async Task WhereTheAcademySwitchedTheServiceOff_NothingIsShownOrWritten()
    {
        await AddAsync("Menu");
        await using (var db = _database.NewContext())
            await db.RunAllButAsync(_f.A.Id, EntService.UsefulLinks);
        Assert.Empty(await Links.ListForAsync(TwoSchools.As(_f.StudentA, _f.A)));
        var refused = await Links.SaveAsync(Admin, new UsefulLinkDraft { Title = "Autre", Url = "https://x.fr" });
        Assert.Equal(ResultKind.Forbidden, refused.Kind);
    }

    [Fact]
    public async Task Messages_ComeInEnglish_ForAnEnglishReader()
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        try
        {
            var refused = await Links.SaveAsync(Admin, new UsefulLinkDraft { Title = "", Url = "https://x.fr" });
            Assert.Equal("Give the link a title.", refused.Errors.Single());
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
