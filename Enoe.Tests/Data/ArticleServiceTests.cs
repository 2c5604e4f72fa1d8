using Enoe.Data.Common;
using Enoe.Data.PublicSite;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

public sealed class ArticleServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private ArticleService Articles => _database.Get<ArticleService>();

    private readonly CommandCounter _counter = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s => s.AddSingleton<IInterceptor>(_counter));
        _f = await TwoSchools.CreateAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private ArticleDraft Draft(string title = "Fête du collège", ArticleStatus status = ArticleStatus.Published) =>
        new()
        {
            SchoolId = _f.A.Id,
            Title = title,
            BodyMarkdown = "Rendez-vous **samedi**.",
            Status = status,
        };

    [Fact]
    public async Task Staff_PublishesNews_ReadersSeeIt()
    {
        var saved = await Articles.SaveAsync(TwoSchools.As(_f.StaffA, _f.A), Draft());
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        Assert.Equal(
            "fete-du-college",
            (await Articles.FindPublishedAsync(_f.A.Id, ArticleKind.News, "fete-du-college"))?.Slug
        );
        Assert.Single(await Articles.GetPublishedAsync(_f.A.Id, ArticleKind.News));
    }

    [Theory]
    [InlineData("TeacherA")]
    [InlineData("StudentA")]
    [InlineData("ParentA")]
    [InlineData("StaffB")]
    public async Task NonEditors_AndStaffOfAnotherSchool_CannotWrite(string who)
    {
        var person = who switch
        {
            "TeacherA" => _f.TeacherA,
            "StudentA" => _f.StudentA,
            "ParentA" => _f.ParentA,
            _ => _f.StaffB,
        };
        var result = await Articles.SaveAsync(TwoSchools.As(person, who == "StaffB" ? _f.B : _f.A), Draft());
        Assert.Equal(ResultKind.Forbidden, result.Kind);
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task Update_CannotMoveAnArticleToAnotherSchool()
    {
        var created = (await Articles.SaveAsync(TwoSchools.As(_f.StaffA, _f.A), Draft())).Value!;
        created.SchoolId = _f.B.Id; // a forged form: the school comes from the database
        var updated = await Articles.SaveAsync(TwoSchools.As(_f.StaffA, _f.A), created);
        Assert.True(updated.Succeeded);
        await using var db = _database.NewContext();
        Assert.Equal(_f.A.Id, (await db.Articles.SingleAsync()).SchoolId);
        Assert.Equal(
            ResultKind.Forbidden,
            (await Articles.SaveAsync(TwoSchools.As(_f.StaffB, _f.B), updated.Value!)).Kind
        );
    }

    [Fact]
    public async Task Draft_IsNotPublished()
    {
        await Articles.SaveAsync(TwoSchools.As(_f.StaffA, _f.A), Draft(status: ArticleStatus.Draft));
        Assert.Empty(await Articles.GetPublishedAsync(_f.A.Id, ArticleKind.News));
        Assert.Null(await Articles.FindPublishedAsync(_f.A.Id, ArticleKind.News, "fete-du-college"));
    }

    [Fact]
    public async Task ScheduledArticle_AppearsOnlyOnceItsTimeHasCome()
    {
        var draft = Draft();
        draft.PublishAt = _database.Clock.GetUtcNow().UtcDateTime.AddHours(9); // 18:00 in Paris
        Assert.True((await Articles.SaveAsync(TwoSchools.As(_f.StaffA, _f.A), draft)).Succeeded);
        Assert.Empty(await Articles.GetPublishedAsync(_f.A.Id, ArticleKind.News));
        _database.Clock.Advance(TimeSpan.FromHours(9));
        Assert.Single(await Articles.GetPublishedAsync(_f.A.Id, ArticleKind.News));
    }

    [Fact]
    public async Task SchoolWithoutPublicSite_ShowsNothing_AndRefusesEditors()
    {
        await Articles.SaveAsync(TwoSchools.As(_f.StaffA, _f.A), Draft());
        await using (var db = _database.NewContext())
        {
            await db.RunAllButAsync(_f.A.Id, EntService.PublicSite);
        }
        Assert.Empty(await Articles.GetPublishedAsync(_f.A.Id, ArticleKind.News));
        Assert.Equal(
            ResultKind.Forbidden,
            (await Articles.SaveAsync(TwoSchools.As(_f.StaffA, _f.A), Draft("Autre"))).Kind
        );
    }

    [Theory]
    [InlineData("", "Rendez-vous", "Le titre est obligatoire.")]
    [InlineData("Titre", "  ", "Le texte de l'article est vide.")]
    [InlineData("!!!", "Texte", "Le titre doit contenir au moins une lettre ou un chiffre.")]
    public async Task InvalidDraft_GetsAFrenchMessage_AndWritesNothing(string title, string body, string message)
    {
        var draft = Draft(title);
        draft.BodyMarkdown = body;
        var result = await Articles.SaveAsync(TwoSchools.As(_f.StaffA, _f.A), draft);
        Assert.Equal(ResultKind.Invalid, result.Kind);
        Assert.Contains(message, result.Errors);
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task TwoEditors_SecondSaveGetsAConflict_AndTheFirstTextStays()
    {
        var staff = TwoSchools.As(_f.StaffA, _f.A);
        var admin = TwoSchools.As(_f.AdminA, _f.A);
        var created = (await Articles.SaveAsync(staff, Draft())).Value!;
        var mine = (await Articles.GetForEditAsync(staff, created.Id)).Value!;
        var theirs = (await Articles.GetForEditAsync(admin, created.Id)).Value!;

        mine.BodyMarkdown = "Version de la vie scolaire";
        Assert.True((await Articles.SaveAsync(staff, mine)).Succeeded);
        theirs.BodyMarkdown = "Version de la direction";
        var conflict = await Articles.SaveAsync(admin, theirs);

        Assert.Equal(ResultKind.Conflict, conflict.Kind);
        Assert.Equal("Version de la direction", theirs.BodyMarkdown); // the caller still holds what they typed
        Assert.Equal(
            "Version de la vie scolaire",
            (await Articles.GetForEditAsync(admin, created.Id)).Value!.BodyMarkdown
        );
    }

    [Fact]
    public async Task SameTitleTwice_GetsDistinctSlugs()
    {
        var staff = TwoSchools.As(_f.StaffA, _f.A);
        await Articles.SaveAsync(staff, Draft());
        await Articles.SaveAsync(staff, Draft());
        var slugs = (await Articles.GetPublishedAsync(_f.A.Id, ArticleKind.News)).Select(a => a.Slug).Order();
        Assert.Equal(["fete-du-college", "fete-du-college-2"], slugs);
    }

    [Fact]
    public async Task Delete_NeedsTheCurrentVersion()
    {
        var staff = TwoSchools.As(_f.StaffA, _f.A);
        var created = (await Articles.SaveAsync(staff, Draft())).Value!;
        Assert.Equal(ResultKind.Conflict, (await Articles.DeleteAsync(staff, created.Id, created.Version - 1)).Kind);
        Assert.Equal(
            ResultKind.Forbidden,
            (await Articles.DeleteAsync(TwoSchools.As(_f.TeacherA, _f.A), created.Id, created.Version)).Kind
        );
        Assert.True((await Articles.DeleteAsync(staff, created.Id, created.Version)).Succeeded);
        Assert.Empty(await Articles.GetPublishedAsync(_f.A.Id, ArticleKind.News));
    }

    [Fact]
    public async Task TheLatestNews_AreReadOnceForEveryDashboard_UntilAnEditorSaves()
    {
        var staff = TwoSchools.As(_f.StaffA, _f.A);
        var first = (await Articles.SaveAsync(staff, Draft("Première"))).Value!;
        await _database.DeliveredAsync(); // its announcement heard
        // HybridCache keeps what was made after a tag's invalidation by the clock, which stands still in tests.
        _database.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(await Articles.GetPublishedAsync(_f.A.Id, ArticleKind.News, take: 3));
        _counter.Reset();

        Assert.Single(await Articles.GetPublishedAsync(_f.A.Id, ArticleKind.News, take: 3));
        Assert.True(_counter.Count == 0, _counter.Log); // the next dashboards read nothing

        await Articles.SaveAsync(staff, Draft("Seconde"));
        Assert.Equal(
            ["Seconde", "Première"],
            (await Articles.GetPublishedAsync(_f.A.Id, ArticleKind.News, take: 3)).Select(a => a.Title)
        );
        Assert.True((await Articles.DeleteAsync(staff, first.Id, first.Version)).Succeeded);
        Assert.Equal(["Seconde"], (await Articles.GetPublishedAsync(_f.A.Id, ArticleKind.News)).Select(a => a.Title));
    }

    [Fact]
    public async Task KeptNews_FollowTheSwitch_AndPagesBeyondThemAreRead()
    {
        var staff = TwoSchools.As(_f.StaffA, _f.A);
        for (var i = 1; i <= 22; i++)
            await Articles.SaveAsync(staff, Draft($"Article {i}"));
        Assert.Equal(20, (await Articles.GetPublishedAsync(_f.A.Id, ArticleKind.News, take: 20)).Count);
        Assert.Equal(
            ["Article 2", "Article 1"],
            (await Articles.GetPublishedAsync(_f.A.Id, ArticleKind.News, skip: 20)).Select(a => a.Title)
        );

        await using (var db = _database.NewContext())
            await db.SwitchAsync(_f.A.Id, EntService.PublicSite, on: false);
        await _database.Get<ServiceAccess>().ChangedAsync(_f.A.Id); // as the académie console announces it

        Assert.Empty(await Articles.GetPublishedAsync(_f.A.Id, ArticleKind.News));
    }

    [Fact]
    public async Task ANewsArticlePublished_TellsEveryoneOfItsSchool_Once()
    {
        var feed = _database.Get<Enoe.Data.Notifications.NotificationService>();
        var saved = await Articles.SaveAsync(TwoSchools.As(_f.StaffA, _f.A), Draft());
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        var again = saved.Value!;
        again.Title = "Fête du collège (modifié)";
        Assert.True((await Articles.SaveAsync(TwoSchools.As(_f.StaffA, _f.A), again)).Succeeded);

        var line = Assert.Single((await feed.FeedAsync(TwoSchools.As(_f.ParentA, _f.A), new())).Items);
        Assert.Equal(Enoe.Data.Notifications.NotificationKind.NewsPublished, line.Kind);
        Assert.Equal(1, await feed.UnreadCountAsync(_f.StudentA.Id));
        Assert.Equal(0, await feed.UnreadCountAsync(_f.StaffB.Id)); // another établissement
    }
}
