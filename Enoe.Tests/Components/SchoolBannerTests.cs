using System.Globalization;
using Bunit;
using Enoe.App.Components.PublicSite;
using Enoe.Data.Schools;

namespace Enoe.Tests.Components;

public sealed class SchoolBannerTests : BunitContext
{
    private static readonly PublicSchool Hugo = new(
        1,
        "Collège Victor Hugo",
        SchoolKind.College,
        "Besançon",
        "12 rue de la République, 25000 Besançon",
        null,
        "college-victor-hugo",
        "#1e5aa8",
        null,
        true,
        "03 81 47 25 10",
        "ce.0251234r@ac-besancon.fr"
    );

    [Fact]
    public void TheBanner_GivesTheSchoolsAddressPhoneAndEmail_AsLinksAPhoneCanFollow()
    {
        var banner = Render<SchoolBanner>(p => p.Add(b => b.School, Hugo));
        var contact = banner.Find("address.enoe-school-contact");
        Assert.Contains("12 rue de la République, 25000 Besançon", contact.TextContent);
        Assert.Contains("Tél. 03 81 47 25 10", contact.TextContent);
        Assert.Equal("tel:+33381472510", contact.QuerySelector("a[href^='tel:']")!.GetAttribute("href"));
        Assert.Equal(
            "mailto:ce.0251234r@ac-besancon.fr",
            contact.QuerySelector("a[href^='mailto:']")!.GetAttribute("href")
        );
    }

    [Fact]
    public void InEnglish_TheContactLabelsAreEnglish()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var contact = Render<SchoolBanner>(p => p.Add(b => b.School, Hugo))
                .Find("address.enoe-school-contact")
                .TextContent;
            Assert.Contains("Tel. 03 81 47 25 10", contact);
            Assert.Contains("Email ce.0251234r@ac-besancon.fr", contact);
            Assert.DoesNotContain("Courriel", contact);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void ASchoolWithoutContactDetails_ShowsNoEmptyBlock()
    {
        var banner = Render<SchoolBanner>(p =>
            p.Add(b => b.School, Hugo with { PostalAddress = null, Phone = null, Email = null })
        );
        Assert.Empty(banner.FindAll("address"));
    }
}
