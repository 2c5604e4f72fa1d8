using System.Net;
using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.PublicSite;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

[Collection(SharedApp.Name)]
public sealed class PublicSiteTests(EnoeAppFactory app)
{
    [Fact]
    public async Task AcademyHome_ListsItsSchools_WithoutSignIn()
    {
        var html = await app.NewClient().GetPageAsync("/");
        Assert.Contains("Académie de Besançon", html);
        Assert.Contains("Collège Victor Hugo", html);
        Assert.Contains("Collège Louis Pasteur", html);
        Assert.Contains("Lycée Louis Lumière", html);
    }

    [Fact]
    public async Task SchoolHome_ShowsPublishedNewsAndPracticalPages_NotDrafts()
    {
        var response = await app.NewClient().GetAsync("/college-victor-hugo");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Réunion parents-professeurs", html);
        Assert.Contains("Horaires et accès", html);
        Assert.DoesNotContain("Voyage scolaire", html);
        Assert.DoesNotContain("\"type\":\"server\"", html); // no interactive component markers
        Assert.DoesNotMatch("<script src=\"[^\"]*MudBlazor", html); // static page: no circuit for anonymous readers
    }

    [Fact]
    public async Task Article_RendersMarkdown()
    {
        var html = await app.NewClient().GetPageAsync("/college-victor-hugo/actualites/reunion-parents-professeurs");
        Assert.Contains("<strong>jeudi de 17 h à 20 h</strong>", html);
        var page = await app.NewClient().GetPageAsync("/college-victor-hugo/infos/horaires-et-acces");
        Assert.Contains("<table>", page);
    }

    [Theory]
    [InlineData("/nexiste-pas")]
    [InlineData("/college-victor-hugo/actualites/nexiste-pas")]
    [InlineData("/college-victor-hugo/actualites/voyage-scolaire-brouillon")]
    [InlineData("/college-victor-hugo/autre/reunion-parents-professeurs")]
    [InlineData("/college-victor-hugo/inconnu")]
    [InlineData("/college-victor-hugo/xx/yy/zz")]
    [InlineData("/college-victor-hugo/plan.pdf")]
    [InlineData("/lycee-lumiere/actualites/")]
    public async Task UnknownOrUnpublished_IsAProper404Page(string path)
    {
        var response = await app.NewClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ScriptInAnArticle_NeverReachesTheReader()
    {
        int schoolId,
            editorId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Enoe.Data.EnoeDbContext>();
            schoolId = (await db.Schools.SingleAsync(s => s.Slug == "college-victor-hugo")).Id;
            editorId = (await db.Users.SingleAsync(u => u.UserName == "helene.carpentier")).Id;
        }
        var articles = app.Services.GetRequiredService<ArticleService>();
        var saved = await articles.SaveAsync(
            new CurrentUser(editorId, "Hélène", schoolId, Profile.Staff),
            new ArticleDraft
            {
                SchoolId = schoolId,
                Title = "Article piégé",
                Status = ArticleStatus.Published,
                BodyMarkdown =
                    "Bonjour <script>alert('x')</script> <img src=x onerror=\"alert(1)\"> "
                    + "[clic](javascript:alert(2)) <a href=\"https://example.org\" onclick=\"steal()\">lien</a>",
            }
        );
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));

        // Asserted on the raw HTML, as the browser parses it.
        var html = await app.NewClient().GetStringAsync("/college-victor-hugo/actualites/article-piege");
        var body = html[html.IndexOf("<h1>Article pi", StringComparison.Ordinal)..];
        Assert.DoesNotContain("<script>alert", body);
        Assert.DoesNotContain("onerror", body);
        Assert.DoesNotContain("javascript:", body);
        Assert.DoesNotContain("onclick", body);
        Assert.Contains("href=\"https://example.org\"", body);
    }

    [Fact]
    public async Task SchoolHostName_ServesItsPublicSiteAtTheRoot()
    {
        var client = app.NewClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = EnoeAppFactory.HugoHost;
        var html = WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());
        Assert.Contains("Collège Victor Hugo", html);
        Assert.Contains("Actualités", html);
        Assert.DoesNotContain("Lycée Louis Lumière", html);
    }

    [Fact]
    public async Task Health_Answers200_WithoutSignIn()
    {
        var response = await app.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("{\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/css/enoe.css")]
    [InlineData("/img/logo-enoe.svg")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    public async Task StaticAssets_AreServedToAnonymousReaders(string path) =>
        Assert.Equal(HttpStatusCode.OK, (await app.NewClient().GetAsync(path)).StatusCode);
}
