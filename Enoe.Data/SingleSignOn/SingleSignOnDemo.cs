using Enoe.Data.Demo;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.SingleSignOn;

/// <summary>
/// Order 25, after the resources: one CAS service at <c>http://localhost:8090/</c> (the README shows how to try it
/// with a local Apache and mod_auth_cas), reached from the catalogue's MathenPoche by students and teachers.
/// </summary>
internal sealed class SingleSignOnDemoStep : IDemoStep
{
    public const string CasService = "http://localhost:8090/";

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
        await demo.Db.SaveChangesAsync(ct);
    }
}
