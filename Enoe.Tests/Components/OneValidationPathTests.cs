using Bunit;
using Enoe.Data.Bookings;
using Enoe.Data.DigitalResources;
using Enoe.Data.People;
using Enoe.Data.PublicSite;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Enoe.Widgets.Bookings;
using Enoe.Widgets.DigitalResources;
using Enoe.Widgets.Logbook;
using Enoe.Widgets.PublicSite;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using BookableDraft = Enoe.Data.Bookings.BookableResourceDraft;
using DigitalDraft = Enoe.Data.DigitalResources.DigitalResourceDraft;

namespace Enoe.Tests.Components;

/// <summary>
/// One validation path: a form shows, under the field and before anything is saved, the message its
/// service's validator writes; the service returns that same message when the form is bypassed.
/// </summary>
public sealed class OneValidationPathTests : SchoolComponentTest
{
    /// <summary>The messages under the fields: MudBlazor's, and a form's own (checkboxes, recipients).</summary>
    internal static string[] FieldMessages<T>(IRenderedComponent<T> page)
        where T : IComponent =>
        [
            .. page.FindAll(".mud-input-helper-text.mud-input-error")
                .Select(e => e.TextContent.Trim())
                .Where(t => t != "")
                .Distinct(),
        ];

    [Fact]
    public async Task ArticleEditor_ABlankTitle_ShowsTheServicesMessage_BeforeSaving()
    {
        this.SignInAs(F.StaffA, F.A.Id, Profile.Staff);
        var page = Render<ArticlesPage>();
        page.WaitForElement("section input").Change("   ");

        page.WaitForAssertion(() => Assert.Equal(["Le titre est obligatoire."], FieldMessages(page)));
        var bypass = await Database
            .Get<ArticleService>()
            .SaveAsync(
                TwoSchools.As(F.StaffA, F.A),
                new ArticleDraft
                {
                    SchoolId = F.A.Id,
                    Title = "   ",
                    BodyMarkdown = "Texte.",
                }
            );
        Assert.Equal(["Le titre est obligatoire."], bypass.Errors);
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.Articles.CountAsync()); // nothing was saved: the form only spoke
    }

    [Fact]
    public async Task DigitalResources_ABadAddress_ShowsTheServicesMessage_BeforeSaving_InEnglish()
    {
        this.SignInAs(F.AdminA, F.A.Id, Profile.SchoolAdmin);
        using var _ = new InEnglish();
        var page = Render<DigitalResourcesAdminPage>();
        page.WaitForElement("input[type=url]").Change("chorale au CDI");

        page.WaitForAssertion(() =>
            Assert.Equal(["The address must be a full web link (https://...)."], FieldMessages(page))
        );
        var bypass = await Database
            .Get<DigitalResourceService>()
            .SaveAsync(
                TwoSchools.As(F.AdminA, F.A),
                new DigitalDraft
                {
                    Title = "Chorale",
                    Url = "chorale au CDI",
                    Profiles = Profile.Student,
                }
            );
        Assert.Equal(FieldMessages(page), bypass.Errors);
    }

    [Fact]
    public async Task BookableResources_ClosingBeforeOpening_ShowsTheServicesMessage_BeforeSaving()
    {
        this.SignInAs(F.AdminA, F.A.Id, Profile.SchoolAdmin);
        var page = Render<BookableResourcesPage>();
        page.WaitForElement("input[type=time]");
        Assert.Single(page.FindAll("input[list=rs-categories]")); // the categories in use are still suggested
        page.FindAll("input[type=time]")[1].Change("06:00"); // closes at six, opens at half past seven

        var expected = BookingMessages.Resource_ClosesAfterOpens;
        page.WaitForAssertion(() => Assert.Equal([expected], FieldMessages(page)));
        var bypass = await Database
            .Get<BookingService>()
            .SaveResourceAsync(
                TwoSchools.As(F.AdminA, F.A),
                new BookableDraft
                {
                    Name = "Salle 12",
                    Category = "Salles",
                    OpensAt = new(7, 30),
                    ClosesAt = new(6, 0),
                }
            );
        Assert.Equal([expected], bypass.Errors);
        Assert.Equal("L'heure de fermeture doit suivre l'heure d'ouverture.", expected);
    }

    [Fact]
    public async Task SchoolSettings_ThresholdOutOfRange_ShowsTheServicesMessage_BeforeSaving()
    {
        this.SignInAs(F.AdminA, F.A.Id, Profile.SchoolAdmin);
        var page = Render<LogbookSettingsSection>();
        page.WaitForElement("input").Change("40");

        const string expected = "Le seuil d'alerte va de 1 à 10 travaux le même jour.";
        page.WaitForAssertion(() => Assert.Equal([expected], FieldMessages(page)));
        var settings = Database.Get<SchoolSettingsService>();
        var bypass = await settings.SaveAsync(TwoSchools.As(F.AdminA, F.A), new SchoolSettings(40));
        Assert.Equal([expected], bypass.Errors);
        Assert.Equal(3, (await settings.GetAsync(TwoSchools.As(F.AdminA, F.A))).Value!.HomeworkWarningThreshold);
    }
}
