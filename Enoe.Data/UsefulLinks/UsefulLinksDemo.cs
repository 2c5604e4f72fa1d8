using Enoe.Data.Demo;
using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Data.UsefulLinks;

/// <summary>Order 100: each établissement running the service offers a few links, some for one profile only.</summary>
internal sealed class UsefulLinksDemoStep : IDemoStep
{
    public int Order => 100;

    public Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var links = demo.SchoolsRunning(EntService.UsefulLinks)
            .SelectMany(school =>
                new[]
                {
                    Link(school.Id, 1, "Menu de la cantine", $"https://www.{school.Slug}.fr/cantine", Profile.Everyone),
                    Link(
                        school.Id,
                        2,
                        "Règlement intérieur",
                        $"https://www.{school.Slug}.fr/reglement",
                        Profile.Everyone
                    ),
                    Link(
                        school.Id,
                        3,
                        "Orientation : l'ONISEP",
                        "https://www.onisep.fr",
                        Profile.Student | Profile.Parent
                    ),
                    Link(
                        school.Id,
                        4,
                        "Bourses de collège et de lycée",
                        "https://www.service-public.fr/particuliers/vosdroits/F984",
                        Profile.Parent
                    ),
                    Link(
                        school.Id,
                        5,
                        "Aide à l'ENT pour les personnels",
                        "https://eduscol.education.fr",
                        Profile.Personnel
                    ),
                }
            );
        return DemoBulk.InsertAsync(demo.Db, links, ct);
    }

    private static UsefulLink Link(int schoolId, int position, string title, string url, Profile audience) =>
        new()
        {
            SchoolId = schoolId,
            Position = position,
            Title = title,
            Url = url,
            Audience = audience,
        };
}
