using Enoe.Tests.Support;

namespace Enoe.Tests.Web;

[Collection(SharedApp.Name)]
public sealed class PublicSiteContactTests(EnoeAppFactory app)
{
    private static readonly (string Path, string Phone, string News)[] Sites =
    [
        ("/college-victor-hugo", "03 81 47 25 10", "Section football : en finale départementale"),
        ("/college-pasteur-dole", "03 84 72 14 60", "Concert de la chorale à la collégiale"),
        ("/lycee-lumiere", "03 84 76 39 00", "Choix des spécialités : réunion pour les familles de 2nde"),
    ];

    [Fact]
    public async Task EachPublicSite_ShowsItsOwnContactDetailsAndNews_NotAnothersNews()
    {
        foreach (var (path, phone, news) in Sites)
        {
            var html = await app.NewClient().GetPageAsync(path);
            Assert.Contains($"Tél. <a href=\"tel:+33{phone.Replace(" ", "")[1..]}\">{phone}</a>", html);
            Assert.Matches("mailto:ce\\.0\\d{6}[a-z]@ac-besancon\\.fr", html);
            Assert.Contains(news, html);
            Assert.All(Sites.Where(s => s.Path != path), other => Assert.DoesNotContain(other.News, html));
        }
    }
}
