using Enoe.Data.Demo;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Enoe.Data.SingleSignOn;

/// <summary>
/// Order 25, after the resources: one CAS service at <c>http://localhost:8090/</c> reached from the catalogue's
/// MathenPoche, and one OpenID Connect client <c>demo-ressource</c> coming back to
/// <c>http://localhost:8091/oidc/callback</c>, both for students and teachers (the README shows how to try them with
/// a local Apache, mod_auth_cas and mod_auth_openidc).
/// </summary>
internal sealed class SingleSignOnDemoStep(IServiceScopeFactory scopes) : IDemoStep
{
    public const string CasService = "http://localhost:8090/",
        OidcClientId = "demo-ressource",
        OidcSecret = "demo-ressource-secret",
        OidcRedirectUri = "http://localhost:8091/oidc/callback";

    public int Order => 25;

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var mathenpoche = await demo
            .Db.DigitalResources.Where(r => r.Title == "MathenPoche" && r.SchoolId == null)
            .Select(r => (int?)r.Id)
            .FirstOrDefaultAsync(ct);
        demo.Db.Add(
            new SsoRegistration
            {
                Name = "Ressource de démonstration (CAS)",
                ServicePattern = CasService,
                Match = ServiceMatch.Prefix,
                Attributes = AttributeSet.Sdet,
                Profiles = Profile.Student | Profile.Teacher,
                ResourceId = mathenpoche,
            }
        );
        var client = demo
            .Db.Add(
                new SsoRegistration
                {
                    Name = "Ressource de démonstration (OpenID Connect)",
                    Protocol = SsoProtocol.OpenIdConnect,
                    ClientId = OidcClientId,
                    ServicePattern = OidcRedirectUri,
                    Match = ServiceMatch.Exact,
                    Attributes = AttributeSet.Sdet,
                    Profiles = Profile.Student | Profile.Teacher,
                    // mod_auth_openidc's back-channel logout, on its redirect URI.
                    LogoutUri = OidcRedirectUri + "?logout=backchannel",
                }
            )
            .Entity;
        await demo.Db.SaveChangesAsync(ct);
        // OpenIddict's manager writes the application (it hashes the secret) through a context of its own scope, on
        // the demo's connection and inside its transaction.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        db.Database.SetDbConnection(demo.Db.Database.GetDbConnection());
        await db.Database.UseTransactionAsync(demo.Db.Database.CurrentTransaction?.GetDbTransaction(), ct);
        var apps = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await OidcClients.WriteAsync(apps, client, null, false, ct, OidcSecret);
    }
}
