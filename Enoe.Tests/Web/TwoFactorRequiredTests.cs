using System.Net;
using Enoe.Data;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

[Collection(TwoFactorApp.Name)]
public sealed class TwoFactorRequiredTests(EnoeAppFactory app)
{
    [Fact]
    public async Task AnAdminWithoutSecondFactor_ReachesOnlyTheEnrolmentPage_UntilEnrolled()
    {
        await app.WithUsersAsync(async u =>
            await u.SetTwoFactorEnabledAsync((await u.FindByNameAsync("admin.lumiere"))!, false)
        );
        var client = app.NewClient();
        Assert.Equal("/tableau-de-bord", (await client.SignInAsync("admin.lumiere")).Headers.Location!.OriginalString);

        foreach (var path in new[] { "/tableau-de-bord", "/gestion/comptes", "/compte/profil" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(TwoFactorSteps.Page, response.Headers.Location!.OriginalString);
        }
        // Public pages and static files stay open; the enrolment page says why.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/enoe.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lycee-lumiere")).StatusCode);
        Assert.Contains(
            "Votre fonction exige la double authentification",
            await client.GetPageAsync(TwoFactorSteps.Page)
        );

        var key = await client.KeyShownAsync();
        Assert.Equal(10, TwoFactorSteps.RecoveryCodes(await client.ConfirmAsync(TwoFactorCodes.Now(key))).Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gestion/comptes")).StatusCode);
    }

    [Fact]
    public async Task TheDirection_MustEnrol_ATeacher_IsNotForced()
    {
        var deputy = await app.UserNameAsync(m => m.Function == "Principal adjoint");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
            await db
                .Memberships.Where(m => m.Person!.UserName == deputy)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Functions, StaffFunction.Direction));
            await db
                .Users.Where(p => p.UserName == deputy)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.TwoFactorEnabled, false));
        }
        var direction = app.NewClient();
        await direction.SignInAsync(deputy);
        Assert.Equal(
            TwoFactorSteps.Page,
            (await direction.GetAsync("/tableau-de-bord")).Headers.Location?.OriginalString
        );

        var teacher = app.NewClient();
        await teacher.SignInAsync(await app.UserNameAsync(m => (m.Profiles & Profile.Teacher) != 0, skip: 9));
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync("/tableau-de-bord")).StatusCode);
    }

    [Fact]
    public async Task ASchoolAdmin_ResetsSomeoneOfTheirSchool_NotOfAnother_AndTheResetIsLogged()
    {
        var admin = app.NewClient();
        await admin.SignInAsync("admin.victor-hugo");
        var other = await Reset(admin, "admin.academie");
        Assert.Contains("Aucun compte « admin.academie » dans votre établissement.", other);
        Assert.Contains("Aucun compte « admin.pasteur-dole »", await Reset(admin, "admin.pasteur-dole"));
        Assert.True((await app.PersonAsync("admin.pasteur-dole")).TwoFactorEnabled);

        var head = await app.UserNameAsync(m =>
            m.School!.Slug == "college-victor-hugo"
            && (m.Profiles & Profile.SchoolAdmin) != 0
            && !m.Person!.UserName!.StartsWith("admin.")
        );
        var stampBefore = (await app.PersonAsync(head)).SecurityStamp;
        Assert.Contains($"Double authentification de « {head} » réinitialisée.", await Reset(admin, head));
        var after = await app.PersonAsync(head);
        Assert.False(after.TwoFactorEnabled);
        Assert.NotEqual(stampBefore, after.SecurityStamp); // their open sessions end
        Assert.Contains("n'a pas activé la double authentification", await Reset(admin, head));
    }

    private static async Task<string> Reset(HttpClient admin, string userName) =>
        await (
            await admin.PostFormAsync(
                "/gestion/comptes",
                "/gestion/comptes",
                new() { ["_handler"] = "two-factor-reset", ["TwoFactorUserName"] = userName }
            )
        ).ReadPageAsync();
}
