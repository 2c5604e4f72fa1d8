using Enoe.Data.Demo;
using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Data.DigitalResources;

/// <summary>
/// Order 20: the académie's digital resources (textbooks, dictionaries, videos, orientation), each for the
/// profiles and levels it suits, and the first collège's CDI catalogue where it runs the service.
/// </summary>
internal sealed class DigitalResourcesDemoStep : IDemoStep
{
    public int Order => 20;

    public Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        const Profile learners = Profile.Student | Profile.Parent | Profile.Teacher;
        const Profile readers = Profile.Student | Profile.Teacher;
        const string college = "6e,5e,4e,3e";
        var resources = new List<DigitalResource>
        {
            R(
                "MathenPoche",
                "https://mathenpoche.sesamath.net",
                "Mathématiques",
                "Exercices interactifs de mathématiques, du CM1 à la 3e.",
                learners,
                college
            ),
            R(
                "Clés pour l'Histoire",
                "https://www.cles-pour-l-histoire.fr",
                "Histoire-géographie",
                "Frises, cartes et documents pour l'histoire au collège.",
                learners,
                college
            ),
            R(
                "KNE – manuels numériques",
                "https://www.kiosque-edu.com",
                "Manuels",
                "Les manuels numériques de l'établissement (Kiosque Numérique de l'Éducation).",
                readers
            ),
            R(
                "CNS – Canal Numérique des Savoirs",
                "https://www.cns-edu.com",
                "Manuels",
                "Manuels et ressources des éditeurs.",
                readers
            ),
            R(
                "Site TV",
                "https://www.site-tv.fr",
                "Vidéos",
                "Vidéos éducatives de France Télévisions et de la Cinquième.",
                learners
            ),
            R(
                "Le Robert Collège",
                "https://www.lerobert.com",
                "Dictionnaires",
                "Dictionnaire de français en ligne.",
                readers,
                college
            ),
            R(
                "Dictionnaire Le Petit Robert",
                "https://www.lerobert.com",
                "Dictionnaires",
                "Dictionnaire de la langue française.",
                readers,
                "2nde,1re,Tle"
            ),
            R(
                "Passeport Orientation Formation",
                "https://www.onisep.fr",
                "Orientation",
                "Construire son parcours d'orientation avec l'ONISEP.",
                Profile.Student | Profile.Parent | Profile.Staff,
                "4e,3e,2nde,1re,Tle"
            ),
            R(
                "Éduthèque",
                "https://www.edutheque.fr",
                "Enseignants",
                "Ressources des grands établissements culturels et scientifiques.",
                Profile.Teacher | Profile.Staff
            ),
            R(
                "Éduscol",
                "https://eduscol.education.fr",
                "Enseignants",
                "Programmes, ressources d'accompagnement et actualités pédagogiques.",
                Profile.Personnel
            ),
            R("Lumni", "https://www.lumni.fr", "Vidéos", "Vidéos, jeux et quiz pour réviser.", learners),
        };
        var hugo = demo.World.School("college-victor-hugo");
        if (hugo.Runs(EntService.DigitalResources))
            resources.Add(
                R(
                    "Portail documentaire du CDI",
                    "https://0251234r.esidoc.fr",
                    "CDI",
                    "Le catalogue du CDI du collège Victor Hugo (e-sidoc).",
                    Profile.Everyone,
                    schoolId: hugo.Id
                )
            );
        return DemoBulk.InsertAsync(demo.Db, resources, ct);
    }

    private static DigitalResource R(
        string title,
        string url,
        string category,
        string description,
        Profile profiles = Profile.Everyone,
        string? levels = null,
        int? schoolId = null
    ) =>
        new()
        {
            Title = title,
            Url = url,
            Category = category,
            Description = description,
            Profiles = profiles,
            LevelCodes = levels,
            SchoolId = schoolId,
        };
}
