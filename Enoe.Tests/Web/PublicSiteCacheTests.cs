using System.Net;
using Enoe.Data;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.PublicSite;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>
/// The public site's pages are kept whole for anonymous readers and dropped when what they show changes: an article
/// written, the public site switched off, the établissement renamed. An app of its own: what it keeps is the subject.
/// </summary>
public sealed class PublicSiteCacheTests : IAsyncLifetime
{
    private const string Home = "/college-victor-hugo";
    private readonly EnoeAppFactory _app = new();
    private int _schoolId;

    public async Task InitializeAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        _schoolId = (await db.Schools.SingleAsync(s => s.Slug == "college-victor-hugo")).Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnonymousReaders_ShareOneRendering_UntilAnArticleOfTheSchoolIsWritten()
    {
        var reader = _app.NewClient();
        var firstVisit = await reader.GetAsync(Home);
        Assert.False(firstVisit.Headers.Contains("Set-Cookie")); // a response setting a cookie is never kept
        Assert.DoesNotContain("Fête du collège", await PageAsync(reader, Home));

        await AddBehindTheAppsBackAsync("Fête du collège", "fete-du-college");
        Assert.DoesNotContain("Fête du collège", await PageAsync(reader, Home)); // the page kept

        await Bus.PublishAsync(new PublicSiteChanged(_schoolId)); // as another instance announces it
        await _app.Services.DeliveredAsync();
        Assert.Contains("Fête du collège", await PageAsync(reader, Home));

        var published = await ArticlesAsEditorAsync("Portes ouvertes");
        Assert.True(published.Succeeded, string.Join(" ", published.Errors));
        await _app.Services.DeliveredAsync();
        Assert.Contains("Portes ouvertes", await PageAsync(reader, Home));
    }

    [Fact]
    public async Task SignedInReaders_AreNeitherServedTheKeptPage_NorKeptForOthers()
    {
        var anonymous = _app.NewClient();
        var kept = await PageAsync(anonymous, Home);
        Assert.Contains("Se connecter à l'ENT", kept);
        Assert.DoesNotContain("type=\"importmap\"", kept); // its nonce would be another reader's

        var signedIn = _app.NewClient();
        await signedIn.SignInAsync("helene.carpentier");
        var own = await PageAsync(signedIn, Home);
        Assert.Contains("Mon espace", own);
        Assert.Contains("type=\"importmap\"", own);

        Assert.Contains("Se connecter à l'ENT", await PageAsync(anonymous, Home));
    }

    [Fact]
    public async Task EachLanguage_HasItsOwnKeptPage()
    {
        Assert.Contains("Actualités", await PageAsync(_app.NewClient(), Home));

        var english = new HttpRequestMessage(HttpMethod.Get, Home);
        english.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var html = WebUtility.HtmlDecode(await (await _app.NewClient().SendAsync(english)).Content.ReadAsStringAsync());

        Assert.Contains("News", html);
        Assert.DoesNotContain("Actualités", html);
    }

    [Fact]
    public async Task TheSiteSwitchedOff_IsGoneAtOnce_AndTheAcademysListFollowsARenaming()
    {
        var reader = _app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Home)).StatusCode);
        Assert.Contains("Collège Victor Hugo", await PageAsync(reader, "/"));

        await using (var scope = _app.Services.CreateAsyncScope())
            await scope
                .ServiceProvider.GetRequiredService<EnoeDbContext>()
                .SwitchAsync(_schoolId, EntService.PublicSite, on: false);
        await Bus.PublishAsync(new SchoolServicesChanged(_schoolId));
        await _app.Services.DeliveredAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(Home)).StatusCode);

        await using (var scope = _app.Services.CreateAsyncScope())
            await scope
                .ServiceProvider.GetRequiredService<EnoeDbContext>()
                .Schools.Where(s => s.Id == _schoolId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Name, "Collège Hugo-Renommé"));
        Assert.Contains("Collège Victor Hugo", await PageAsync(reader, "/")); // kept, and the directory's cache too
        await _app.Services.GetRequiredService<ServiceAccess>().ForgetAsync([_schoolId]); // as the académie's edit
        await _app.Services.DeliveredAsync();
        Assert.Contains("Collège Hugo-Renommé", await PageAsync(reader, "/"));
    }

    private IEventBus Bus => _app.Services.GetRequiredService<IEventBus>();

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A published article written straight to the database: no one announces it.</summary>
    private async Task AddBehindTheAppsBackAsync(string title, string slug)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var now = DateTime.UtcNow;
        db.Articles.Add(
            new Article
            {
                SchoolId = _schoolId,
                Title = title,
                Slug = slug,
                Status = ArticleStatus.Published,
                PublishAt = now.AddMinutes(-1),
                CreatedAt = now,
                UpdatedAt = now,
            }
        );
        await db.SaveChangesAsync();
    }

    private async Task<Result<ArticleDraft>> ArticlesAsEditorAsync(string title)
    {
        int editorId;
        await using (var scope = _app.Services.CreateAsyncScope())
            editorId = (
                await scope
                    .ServiceProvider.GetRequiredService<EnoeDbContext>()
                    .Users.SingleAsync(u => u.UserName == "helene.carpentier")
            ).Id;
        return await _app
            .Services.GetRequiredService<ArticleService>()
            .SaveAsync(
                new CurrentUser(editorId, "Hélène", _schoolId, Profile.Staff),
                new ArticleDraft
                {
                    SchoolId = _schoolId,
                    Title = title,
                    BodyMarkdown = "Samedi de 9 h à 12 h.",
                    Status = ArticleStatus.Published,
                }
            );
    }
}
