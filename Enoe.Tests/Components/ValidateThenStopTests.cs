using Bunit;
using Enoe.Data.Bookings;
using Enoe.Data.DigitalResources;
using Enoe.Data.People;
using Enoe.Data.PublicSite;
using Enoe.Data.Schools;
using Enoe.Data.UsefulLinks;
using Enoe.Tests.Support;
using Enoe.Widgets.Bookings;
using Enoe.Widgets.DigitalResources;
using Enoe.Widgets.Logbook;
using Enoe.Widgets.PublicSite;
using Enoe.Widgets.UsefulLinks;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Components;

/// <summary>
/// Saving a draft the form already finds wrong: each of the service's messages stands once on the page,
/// under its field (the service is not asked, so its refusal does not repeat it in the alert above and a
/// screen reader does not announce it twice), and nothing is written.
/// </summary>
public sealed class ValidateThenStopTests : SchoolComponentTest
{
    /// <summary>How many times <paramref name="text"/> is written on the page (its text, not its markup).</summary>
    private static int Times<T>(IRenderedComponent<T> page, string text)
        where T : IComponent
    {
        var shown = string.Concat(page.Nodes.Select(n => n.TextContent));
        return (shown.Length - shown.Replace(text, "").Length) / text.Length;
    }

    private static void ClickSave<T>(IRenderedComponent<T> page)
        where T : IComponent => page.FindAll("button").Single(b => b.TextContent.Trim() == "Enregistrer").Click();

    /// <summary>Unticks every profile of the form's "for whom" checkboxes.</summary>
    private static void UntickProfiles<T>(IRenderedComponent<T> page)
        where T : IComponent
    {
        for (var i = 0; i < page.FindAll("fieldset input[type=checkbox]").Count; i++)
            page.FindAll("fieldset input[type=checkbox]")[i].Change(false);
    }

    private static void EachOnce<T>(IRenderedComponent<T> page, IReadOnlyList<string> messages)
        where T : IComponent
    {
        Assert.NotEmpty(messages);
        page.WaitForAssertion(() => Assert.All(messages, m => Assert.Equal(1, Times(page, m))));
        Assert.Empty(page.FindAll("[role=status]")); // and no "saved"
    }

    /// <summary>The page as school A's admin sees it, once <paramref name="ready"/> is on it.</summary>
    private IRenderedComponent<T> RenderForTheAdmin<T>(string ready)
        where T : IComponent
    {
        this.SignInAs(F.AdminA, F.A.Id, Profile.SchoolAdmin);
        var page = Render<T>();
        page.WaitForElement(ready);
        return page;
    }

    [Fact]
    public async Task UsefulLinks_BlankDraftForNobody_EachMessageOnce_NothingWritten()
    {
        var page = RenderForTheAdmin<UsefulLinksAdminPage>("fieldset input[type=checkbox]");
        UntickProfiles(page);

        ClickSave(page);

        var refusal = await Database
            .Get<UsefulLinkService>()
            .SaveAsync(TwoSchools.As(F.AdminA, F.A), new UsefulLinkDraft { Audience = Profile.None });
        Assert.Equal(3, refusal.Errors.Count); // title, address, audience
        EachOnce(page, refusal.Errors);
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.Set<UsefulLink>().CountAsync());
    }

    [Fact]
    public async Task DigitalResources_BlankDraft_EachMessageOnce_NothingWritten()
    {
        var page = RenderForTheAdmin<DigitalResourcesAdminPage>("fieldset input[type=checkbox]");

        ClickSave(page);

        var admin = TwoSchools.As(F.AdminA, F.A);
        var resources = Database.Get<DigitalResourceService>();
        var refusal = await resources.SaveAsync(admin, new DigitalResourceDraft());
        Assert.Equal(2, refusal.Errors.Count); // title, address
        EachOnce(page, refusal.Errors);
        Assert.Empty((await resources.ListManagedAsync(admin)).Value!);
    }

    [Fact]
    public async Task BookableResources_BlankSheet_EachMessageOnce_NothingWritten()
    {
        var page = RenderForTheAdmin<BookableResourcesPage>("input[type=time]");
        UntickProfiles(page);
        page.FindAll("input[type=time]")[1].Change("06:00"); // closes at six, opens at half past seven

        ClickSave(page);

        var admin = TwoSchools.As(F.AdminA, F.A);
        var bookings = Database.Get<BookingService>();
        var draft = new BookableResourceDraft { BookableBy = Profile.None, ClosesAt = new(6, 0) };
        var refusal = await bookings.SaveResourceAsync(admin, draft);
        Assert.Equal(4, refusal.Errors.Count); // name, category, closing time, who books
        EachOnce(page, refusal.Errors);
        Assert.Empty(await bookings.ResourcesAsync(admin));
    }

    [Fact]
    public async Task Articles_BlankArticle_EachMessageOnce_NothingWritten()
    {
        this.SignInAs(F.StaffA, F.A.Id, Profile.Staff);
        var page = Render<ArticlesPage>();
        page.WaitForElement("section input");

        ClickSave(page);

        var refusal = await Database
            .Get<ArticleService>()
            .SaveAsync(TwoSchools.As(F.StaffA, F.A), new ArticleDraft { SchoolId = F.A.Id });
        EachOnce(page, refusal.Errors);
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task LogbookSettings_ThresholdOutOfRange_MessageOnce_NothingWritten()
    {
        var page = RenderForTheAdmin<LogbookSettingsSection>("input");
        page.Find("input").Change("40");

        ClickSave(page);

        EachOnce(page, ["Le seuil d'alerte va de 1 à 10 travaux le même jour."]);
        var settings = Database.Get<SchoolSettingsService>();
        Assert.Equal(3, (await settings.GetAsync(TwoSchools.As(F.AdminA, F.A))).Value!.HomeworkWarningThreshold);
    }
}
