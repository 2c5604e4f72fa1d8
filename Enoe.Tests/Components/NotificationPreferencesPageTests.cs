using Bunit;
using Enoe.App.Components.Mail;
using Enoe.Data.Notifications;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Components;

/// <summary>The person's table of e-mail frequencies, their refused address, and the direction's defaults.</summary>
public sealed class NotificationPreferencesPageTests : SchoolComponentTest
{
    protected override async Task ArrangeAsync()
    {
        await using var db = Database.NewContext();
        var parent = await db.Users.SingleAsync(p => p.Id == F.ParentA.Id);
        parent.Email = "parent@famille.test";
        db.Add(
            new MailRefusal
            {
                PersonId = parent.Id,
                Address = "parent@famille.test",
                Reason = "550 No such user",
            }
        );
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task AParent_SeesTheirDefaultsAndRefusedAddress_AndChoosesForThemselvesOnly()
    {
        this.SignInAs(F.ParentA, F.A.Id, Profile.Parent);
        var page = Render<NotificationPreferencesPage>();

        page.WaitForAssertion(() => Assert.Equal(8, page.FindAll("tbody tr").Count));
        Assert.Contains("Votre adresse parent@famille.test est refusée", page.Find("[role=alert]").TextContent);
        Assert.Contains("Par défaut (Résumé quotidien)", page.Find("select[aria-label^='Devoirs']").TextContent);
        Assert.DoesNotContain("Réglages par défaut de l'établissement", page.Markup);

        page.Find("select[aria-label^='Mémos']").Change(nameof(MailFrequency.AtOnce));

        page.WaitForAssertion(() => Assert.Contains("Enregistré.", page.Markup));
        await using var db = Database.NewContext();
        var own = await db.Set<NotificationPreference>().SingleAsync();
        Assert.Equal(
            (F.ParentA.Id, NotificationCategory.Memos, MailFrequency.AtOnce),
            (own.PersonId, own.Category, own.Frequency)
        );
    }

    [Fact]
    public async Task TheDirection_SetsAProfilesDefault_ForItsEstablishment()
    {
        this.SignInAs(F.StaffA, F.A.Id, Profile.Staff);
        var page = Render<NotificationPreferencesPage>();

        page.WaitForAssertion(() => Assert.Contains("Réglages par défaut de l'établissement", page.Markup));
        page.Find("select[aria-label='Parents — Notes et compétences']").Change(nameof(MailFrequency.Weekly));

        page.WaitForAssertion(() => Assert.Contains("Enregistré.", page.Markup));
        await using var db = Database.NewContext();
        var set = await db.Set<NotificationDefault>().SingleAsync();
        Assert.Equal(
            (F.A.Id, Profile.Parent, NotificationCategory.Marks, MailFrequency.Weekly),
            (set.SchoolId, set.Profile, set.Category, set.Frequency)
        );
    }
}
