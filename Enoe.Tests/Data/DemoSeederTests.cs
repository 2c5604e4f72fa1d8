using Enoe.Data.People;
using Enoe.Data.PublicSite;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed class DemoSeederTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Demo_HasTwoCollegesAndOneLycee_WithValidUaiCodes()
    {
        await using var db = seeded.Database.NewContext();
        var schools = await db.Schools.ToListAsync();
        Assert.Equal(2, schools.Count(s => s.Kind == SchoolKind.College));
        Assert.Equal(1, schools.Count(s => s.Kind == SchoolKind.Lycee));
        Assert.All(schools, s => Assert.True(Uai.IsValid(s.Uai), s.Uai));
    }

    [Fact]
    public async Task Demo_ClassesHoldAbout25Students()
    {
        await using var db = seeded.Database.NewContext();
        var sizes = await db.Enrolments.GroupBy(e => e.SchoolClassId).Select(g => g.Count()).ToListAsync();
        Assert.True(sizes.Count >= 20);
        Assert.All(sizes, size => Assert.InRange(size, 22, 28));
    }

    [Fact]
    public async Task Demo_MartinFamily_HasChildrenInTwoSchools()
    {
        var workspace = await WorkspaceOf("sophie.martin");
        Assert.Equal(["Emma Martin", "Lucas Martin"], workspace.Children.Select(c => c.DisplayName).Order());
        Assert.Equal(2, workspace.Children.Select(c => c.SchoolId).Distinct().Count());
        Assert.Equal(2, workspace.Schools.Count);
    }

    [Fact]
    public async Task Demo_SomeParentsHaveTwoChildren()
    {
        await using var db = seeded.Database.NewContext();
        var withTwo = await db.Guardianships.GroupBy(g => g.ParentId).CountAsync(g => g.Count() >= 2);
        Assert.True(withTwo >= 10, $"only {withTwo} parents with two children");
    }

    [Fact]
    public async Task Demo_ClaireFontaine_TeachesMathsInBothColleges()
    {
        await using var db = seeded.Database.NewContext();
        var claire = await db.Users.SingleAsync(u => u.UserName == "claire.fontaine");
        var classes = await db
            .TeachingAssignments.Where(t => t.TeacherId == claire.Id)
            .Select(t => new { School = t.SchoolClass!.School!.Slug, t.Subject!.Code })
            .ToListAsync();
        Assert.All(classes, c => Assert.Equal("MATHS", c.Code));
        Assert.Equal(["college-pasteur-dole", "college-victor-hugo"], classes.Select(c => c.School).Distinct().Order());
    }

    [Fact]
    public async Task Demo_EverySchoolHasDirectionVieScolaireCdiAndAnAdmin()
    {
        await using var db = seeded.Database.NewContext();
        foreach (var school in await db.Schools.ToListAsync())
        {
            var staff = await db
                .Memberships.Where(m => m.SchoolId == school.Id && m.Function != null)
                .Select(m => m.Function!)
                .ToListAsync();
            Assert.Contains(staff, f => f.Contains("vie scolaire"));
            Assert.Contains(staff, f => f.Contains("CDI"));
            Assert.Contains(staff, f => f.StartsWith("Principal") || f.StartsWith("Proviseur"));
            Assert.True(
                await db.Memberships.AnyAsync(m => m.SchoolId == school.Id && (m.Profiles & Profile.SchoolAdmin) != 0)
            );
        }
        Assert.True(await db.Users.AnyAsync(u => u.UserName == "admin.academie" && u.IsAcademyAdmin));
    }

    [Fact]
    public async Task Demo_PublishesNewsOnEveryPublicSite_AndKeepsADraftHidden()
    {
        var articles = seeded.Database.Get<ArticleService>();
        await using var db = seeded.Database.NewContext();
        foreach (var school in await db.Schools.ToListAsync())
        {
            var news = await articles.GetPublishedAsync(school.Id, ArticleKind.News);
            Assert.InRange(news.Count, 3, 10);
            Assert.DoesNotContain(news, n => n.Status == ArticleStatus.Draft);
        }
        Assert.True(await db.Articles.AnyAsync(a => a.Status == ArticleStatus.Draft));
    }

    [Fact]
    public async Task Demo_UserNamesAreUnique_AndEveryAccountCanSignIn()
    {
        await using var db = seeded.Database.NewContext();
        var names = await db.Users.Select(u => u.NormalizedUserName).ToListAsync();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.True(names.Count > 1000, $"{names.Count} accounts");
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<Person>();
        var any = await db.Users.FirstAsync(u => u.UserName == "lucas.martin");
        Assert.NotEqual(
            Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed,
            hasher.VerifyHashedPassword(any, any.PasswordHash!, Enoe.Data.Demo.DemoSeeder.Password)
        );
    }

    private async Task<Workspace> WorkspaceOf(string userName)
    {
        await using var db = seeded.Database.NewContext();
        var person = await db.Users.SingleAsync(u => u.UserName == userName);
        var workspace = await seeded
            .Database.Get<WorkspaceService>()
            .GetAsync(new CurrentUser(person.Id, person.DisplayName, person.CurrentSchoolId, Profile.None));
        return workspace!;
    }
}
