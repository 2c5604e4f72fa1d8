using Enoe.Data.Common;
using Enoe.Data.DigitalResources;
using Enoe.Data.People;
using Enoe.Data.SchoolNetwork;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>Réseau d'établissement and ressources académiques on the demo académie.</summary>
public sealed class NetworkAndResourcesTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    private async Task<CurrentUser> UserAsync(string userName, string? schoolSlug = null)
    {
        await using var db = seeded.Database.NewContext();
        var person = await db.Users.SingleAsync(u => u.UserName == userName);
        var membership = await db
            .Memberships.Where(m => m.PersonId == person.Id && (schoolSlug == null || m.School!.Slug == schoolSlug))
            .OrderBy(m => m.SchoolId)
            .FirstAsync();
        return new CurrentUser(
            person.Id,
            person.DisplayName,
            membership.SchoolId,
            membership.Profiles | (person.IsAcademyAdmin ? Profile.AcademyAdmin : Profile.None)
        );
    }

    private async Task<int> IdOfAsync(string userName)
    {
        await using var db = seeded.Database.NewContext();
        return (await db.Users.SingleAsync(u => u.UserName == userName)).Id;
    }

    [Fact]
    public async Task Student_SeesTheirClass_TheirTeachersAndTheSchoolStaff_Only()
    {
        var network = await seeded
            .Database.Get<SchoolNetworkService>()
            .GetAsync(await UserAsync("lucas.martin"), null, null, take: 100);
        Assert.Contains(network.Groups, g => g.IsClass && g.Name == "4eA");
        Assert.Contains(network.People, p => p.DisplayName == "Claire Fontaine" && p.Role.Contains("Mathématiques"));
        Assert.Contains(network.People, p => p.DisplayName == "Hélène Carpentier");

        await using var db = seeded.Database.NewContext();
        var teachersOf4eA = await db
            .TeachingAssignments.Where(a =>
                a.SchoolClass!.Name == "4eA" && a.SchoolClass.School!.Slug == "college-victor-hugo"
            )
            .Select(a => a.TeacherId)
            .ToListAsync();
        var staff = await db
            .Memberships.Where(m => m.School!.Slug == "college-victor-hugo" && m.Function != null)
            .Select(m => m.PersonId)
            .ToListAsync();
        var groupTeachers = await db
            .GroupEnrolments.Where(g => g.Student!.UserName == "lucas.martin")
            .SelectMany(g =>
                db.TeachingAssignments.Where(a => a.TeachingGroupId == g.TeachingGroupId).Select(a => a.TeacherId)
            )
            .ToListAsync();
        Assert.All(
            network.People,
            p =>
                Assert.True(
                    teachersOf4eA.Contains(p.Id) || staff.Contains(p.Id) || groupTeachers.Contains(p.Id),
                    p.DisplayName
                )
        );
    }

    [Fact]
    public async Task Parent_SeesTheirChildsNetwork_NeverAnotherSchools_NorAStrangersChild()
    {
        var networks = seeded.Database.Get<SchoolNetworkService>();
        var sophie = await UserAsync("sophie.martin", "college-victor-hugo");
        var lucas = await networks.GetAsync(sophie, await IdOfAsync("lucas.martin"), null);
        Assert.Contains(lucas.Groups, g => g.Name == "4eA");
        // Emma is at the lycée: from the collège, nothing of hers shows.
        var emma = await networks.GetAsync(sophie, await IdOfAsync("emma.martin"), null);
        Assert.Empty(emma.Groups);
        var stranger = await networks.GetAsync(sophie, await IdOfAsync("claire.fontaine"), null);
        Assert.Empty(stranger.Groups);
        Assert.DoesNotContain(stranger.People, p => p.Role.Contains("Mathématiques"));
    }

    [Fact]
    public async Task NetworkSearch_FiltersByName()
    {
        var found = await seeded
            .Database.Get<SchoolNetworkService>()
            .GetAsync(await UserAsync("lucas.martin"), null, "fontaine");
        Assert.Equal(["Claire Fontaine"], found.People.Select(p => p.DisplayName));
    }

    [Fact]
    public async Task Resources_FollowProfileLevelAndSchool()
    {
        var resources = seeded.Database.Get<DigitalResourceService>();
        var lucas = (await resources.ListForAsync(await UserAsync("lucas.martin"))).Select(r => r.Title).ToList();
        Assert.Contains("MathenPoche", lucas);
        Assert.Contains("Portail documentaire du CDI", lucas);
        Assert.DoesNotContain("Dictionnaire Le Petit Robert", lucas); // lycée levels
        Assert.DoesNotContain("Éduscol", lucas); // personnel only

        var emma = (await resources.ListForAsync(await UserAsync("emma.martin"))).Select(r => r.Title).ToList();
        Assert.Contains("Dictionnaire Le Petit Robert", emma);
        Assert.DoesNotContain("MathenPoche", emma);
        Assert.DoesNotContain("Portail documentaire du CDI", emma); // another établissement's own resource

        var claire = (await resources.ListForAsync(await UserAsync("claire.fontaine", "college-victor-hugo")))
            .Select(r => r.Title)
            .ToList();
        Assert.Contains("Éduscol", claire);
        Assert.Contains("Dictionnaire Le Petit Robert", claire);
    }

    [Fact]
    public async Task Favourites_ComeFirst_AndOnlyForResourcesOneMaySee()
    {
        var resources = seeded.Database.Get<DigitalResourceService>();
        var user = await UserAsync("lucas.martin");
        var site = (await resources.ListForAsync(user)).Single(r => r.Title == "Site TV");
        Assert.True((await resources.ToggleFavouriteAsync(user, site.Id)).Succeeded);
        var list = await resources.ListForAsync(user);
        Assert.Equal("Site TV", list[0].Title);
        Assert.True(list[0].IsFavourite);

        await using var db = seeded.Database.NewContext();
        var eduscol = await db.DigitalResources.SingleAsync(r => r.Title == "Éduscol");
        Assert.Equal(ResultKind.NotFound, (await resources.ToggleFavouriteAsync(user, eduscol.Id)).Kind);
        await resources.ToggleFavouriteAsync(user, site.Id); // leave the shared demo as it was
    }

    [Fact]
    public async Task SchoolAdmin_AddsTheirOwnResource_TeachersCannot_AndBadAddressesAreRefused()
    {
        var resources = seeded.Database.Get<DigitalResourceService>();
        var admin = await UserAsync("admin.pasteur-dole");
        var draft = new DigitalResourceDraft
        {
            Title = "Chorale du collège",
            Url = "https://chorale.example.org",
            Category = "Vie du collège",
            Profiles = Profile.Student,
        };
        Assert.Equal(
            ResultKind.Forbidden,
            (await resources.SaveAsync(await UserAsync("claire.fontaine", "college-pasteur-dole"), draft)).Kind
        );
        var bad = await resources.SaveAsync(
            admin,
            new DigitalResourceDraft
            {
                Title = "X",
                Url = "javascript:alert(1)",
                Category = "X",
            }
        );
        Assert.Equal(["L'adresse doit être un lien web complet (https://...)."], bad.Errors);
        var forNobody = new DigitalResourceDraft
        {
            Title = "X",
            Url = "https://x.example.org",
            Category = "X",
            Profiles = Profile.SchoolAdmin | Profile.AcademyAdmin, // every audience unticked
        };
        Assert.Equal([DigitalResourceMessages.Profiles_Required], (await resources.SaveAsync(admin, forNobody)).Errors);
        Assert.True((await resources.SaveAsync(admin, draft)).Succeeded);

        await using var db = seeded.Database.NewContext();
        var pasteurStudent = await db
            .Memberships.Where(m => m.School!.Slug == "college-pasteur-dole" && m.Profiles == Profile.Student)
            .Select(m => m.Person!.UserName!)
            .FirstAsync();
        Assert.Contains(
            "Chorale du collège",
            (await resources.ListForAsync(await UserAsync(pasteurStudent))).Select(r => r.Title)
        );
        Assert.DoesNotContain(
            "Chorale du collège",
            (await resources.ListForAsync(await UserAsync("lucas.martin"))).Select(r => r.Title)
        );
        var managed = (await resources.ListManagedAsync(admin)).Value!;
        Assert.Equal(["Chorale du collège"], managed.Select(r => r.Title));
        Assert.True((await resources.DeleteAsync(admin, managed[0].Id)).Succeeded);
    }
}
