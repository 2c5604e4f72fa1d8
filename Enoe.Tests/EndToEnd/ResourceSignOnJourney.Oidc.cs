using Enoe.Data;
using Enoe.Data.DigitalResources;
using Enoe.Data.People;
using Enoe.Data.SingleSignOn;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.EndToEnd;

/// <summary>The OpenID Connect client of the journey: registered as the académie admin would, then started.</summary>
public sealed partial class ResourceSignOnJourney
{
    /// <summary>
    /// The académie admin registers the OpenID Connect client through the registry (its secret shown once), then
    /// Apache starts with it; its page is in the catalogue.
    /// </summary>
    private async Task<ApacheResource> StartOidcClientAsync()
    {
        var redirectPort = PostgreSqlServer.FreePort();
        var draft = new SsoRegistrationDraft
        {
            Name = OidcTitle,
            Protocol = SsoProtocol.OpenIdConnect,
            ClientId = "apache-ressource",
            Match = ServiceMatch.Exact,
            Profiles = Profile.Student | Profile.Teacher,
            LevelCodes = "6e, 5e, 4e, 3e", // the collèges' students: a lycée's are refused
        };
        int resourceId;
        await using (
            var db = await _app.Services.GetRequiredService<IDbContextFactory<EnoeDbContext>>().CreateDbContextAsync()
        )
        {
            var resource = new DigitalResource
            {
                Title = OidcTitle,
                Url = "http://127.0.0.1/", // set below, once Apache has its port
                Profiles = Profile.Student | Profile.Teacher,
            };
            db.Add(resource);
            await db.SaveChangesAsync();
            resourceId = resource.Id;
        }
        // Apache needs the secret to start, and its port is known once it has started: a first registration with a
        // placeholder address gives the secret, the second names the real redirect URI.
        draft.ServicePattern = $"http://127.0.0.1:{redirectPort}/oidc/callback";
        draft.ResourceId = resourceId;
        var admin = await AcademyAdminAsync();
        var registry = _app.Services.GetRequiredService<SsoRegistry>();
        var saved = await registry.SaveAsync(admin, draft);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        var apache = await ApacheResource.StartOpenIdConnectAsync(
            _baseUrl,
            _certificate.ExportCertificatePem(),
            "apache-ressource",
            saved.Value!.Secret!
        );
        (draft.Id, draft.Version) = (saved.Value.Id, saved.Value.Version);
        draft.ServicePattern = apache.RedirectUri;
        draft.LogoutUri = apache.RedirectUri + "?logout=backchannel"; // mod_auth_openidc's back-channel logout
        Assert.True((await registry.SaveAsync(admin, draft)).Succeeded);
        await using (
            var db = await _app.Services.GetRequiredService<IDbContextFactory<EnoeDbContext>>().CreateDbContextAsync()
        )
            await db
                .DigitalResources.Where(r => r.Id == resourceId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Url, apache.ResourceUrl));
        await _app.Services.GetRequiredService<CasService>().ChangedAsync(); // the catalogue's links too
        return apache;
    }

    private async Task<CurrentUser> AcademyAdminAsync()
    {
        await using var db = await _app
            .Services.GetRequiredService<IDbContextFactory<EnoeDbContext>>()
            .CreateDbContextAsync();
        var admin = await db.Users.SingleAsync(u => u.UserName == "admin.academie");
        return new CurrentUser(admin.Id, admin.DisplayName, null, Profile.AcademyAdmin);
    }
}
