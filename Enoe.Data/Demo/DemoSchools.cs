using Enoe.Data.Schools;

namespace Enoe.Data.Demo;

/// <summary>The demo académie's établissements and the people the README names.</summary>
internal static class DemoSchools
{
    public sealed record Seed(
        string Slug,
        string Name,
        SchoolKind Kind,
        string City,
        string UaiDigits,
        string Address,
        string Phone,
        string Color,
        EntService[] Closed,
        string Presentation,
        string HeadTitle,
        (string First, string Last) Head,
        (string First, string Last) Cpe,
        (string First, string Last) Librarian
    )
    {
        public string Uai => Schools.Uai.Create(UaiDigits);

        /// <summary>The rectorat's convention for an établissement's mailbox: ce.{UAI}@ac-besancon.fr.</summary>
        public string Email => $"ce.{Uai.ToLowerInvariant()}@ac-besancon.fr";

        /// <summary>The server of its pedagogical network, one of each kind the académie's table counts.</summary>
        public PedagogicalNetwork Network =>
            Slug switch
            {
                "college-victor-hugo" => PedagogicalNetwork.Scribe,
                "college-pasteur-dole" => PedagogicalNetwork.AurigePhp,
                _ => PedagogicalNetwork.Windows,
            };

        /// <summary>Its own networks (a private range): "inside" for the external access.</summary>
        public string InsideNetworks => $"10.{UaiDigits[..2]}.{int.Parse(UaiDigits[4..]) % 250}.0/24";
    }

    public static readonly Seed[] All =
    [
        new(
            "college-victor-hugo",
            "Collège Victor Hugo",
            SchoolKind.College,
            "Besançon",
            "0251234",
            "12 rue de la République, 25000 Besançon",
            "03 81 47 25 10",
            "#1e5aa8",
            [],
            "Collège de centre-ville, 8 divisions de la 6e à la 3e, section sportive football et classes bilangues.",
            "Principale",
            ("Hélène", "Carpentier"),
            ("Julien", "Roussel"),
            ("Nathalie", "Girard")
        ),
        new(
            "college-pasteur-dole",
            "Collège Louis Pasteur",
            SchoolKind.College,
            "Dole",
            "0390456",
            "3 avenue de Lahr, 39100 Dole",
            "03 84 72 14 60",
            "#2e7d32",
            [EntService.Bookings, EntService.Skills],
            "Collège rural de Dole, ouvert sur le Jura, avec une chorale et un atelier robotique.",
            "Principal",
            ("Bruno", "Lemaire"),
            ("Karine", "Brunet"),
            ("Sylvie", "Morel")
        ),
        new(
            "lycee-lumiere",
            "Lycée Louis Lumière",
            SchoolKind.Lycee,
            "Vesoul",
            "0700789",
            "5 rue du Lycée, 70000 Vesoul",
            "03 84 76 39 00",
            "#8e24aa",
            [EntService.Skills],
            "Lycée général et technologique, spécialités NSI, SES et sciences, section européenne anglais.",
            "Proviseur",
            ("Philippe", "Arnaud"),
            ("Céline", "Faure"),
            ("Olivier", "Masson")
        ),
    ];

    /// <summary>The lycée's day runs on whole hours; the collèges keep the usual M1–S4 of 55 minutes.</summary>
    public static IReadOnlyList<SlotView> Slots(SchoolKind kind) =>
        kind == SchoolKind.College
            ? TimeSlots.Defaults
            :
            [
                new("M1", new(8, 0), new(9, 0)),
                new("M2", new(9, 0), new(10, 0)),
                new("M3", new(10, 15), new(11, 15)),
                new("M4", new(11, 15), new(12, 15)),
                new("S1", new(13, 30), new(14, 30)),
                new("S2", new(14, 30), new(15, 30)),
                new("S3", new(15, 45), new(16, 45)),
                new("S4", new(16, 45), new(17, 45)),
            ];

    public static readonly (string Code, string Name)[] CollegeSubjects =
    [
        ("FRAN", "Français"),
        ("MATHS", "Mathématiques"),
        ("HG", "Histoire-géographie"),
        ("ANG", "Anglais"),
        ("SVT", "Sciences de la vie et de la Terre"),
        ("PC", "Physique-chimie"),
        ("TECHNO", "Technologie"),
        ("EPS", "Éducation physique et sportive"),
        ("AP", "Arts plastiques"),
        ("MUS", "Éducation musicale"),
        ("ESP", "Espagnol LV2"),
        ("ALL", "Allemand LV2"),
    ];

    public static readonly (string Code, string Name)[] LyceeSubjects =
    [
        ("FRAN", "Français"),
        ("MATHS", "Mathématiques"),
        ("HG", "Histoire-géographie"),
        ("ANG", "Anglais"),
        ("SVT", "Sciences de la vie et de la Terre"),
        ("PC", "Physique-chimie"),
        ("PHILO", "Philosophie"),
        ("EPS", "Éducation physique et sportive"),
        ("ESP", "Espagnol LV2"),
        ("NSI", "Numérique et sciences informatiques"),
        ("SES", "Sciences économiques et sociales"),
    ];
}
