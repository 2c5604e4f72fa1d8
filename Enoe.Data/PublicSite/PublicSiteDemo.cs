using System.Globalization;
using Enoe.Data.Common;
using Enoe.Data.Demo;
using Enoe.Data.Schools;

namespace Enoe.Data.PublicSite;

/// <summary>
/// Each établissement's own public site: news of its life spread over the month (dates said in
/// full from the clock, so they are never stale), a draft, and practical pages, all signed with
/// the school's address, phone and e-mail.
/// </summary>
internal static class PublicSiteDemo
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private sealed record Item(
        ArticleKind Kind,
        string Title,
        string Summary,
        string Body,
        int DaysAgo,
        ArticleStatus Status = ArticleStatus.Published,
        string? Author = null
    );

    public static IEnumerable<Article> For(
        DemoWorld.SchoolInfo school,
        DemoSchools.Seed seed,
        Func<string, int> staff,
        DemoCalendar calendar,
        DateTime now
    )
    {
        var contact =
            $"\n\n---\n*{school.Name} · {seed.Address} · Tél. {seed.Phone} · [{seed.Email}](mailto:{seed.Email})*";
        string Day(DateOnly day) => day.ToString("dddd d MMMM", French);
        var items = seed.Slug switch
        {
            "college-victor-hugo" => Hugo(Day, calendar),
            "college-pasteur-dole" => Pasteur(Day, calendar),
            _ => Lumiere(Day, calendar),
        };
        var head = staff(seed.Head.First + " " + seed.Head.Last);
        return items
            .Concat(Pages(seed))
            .Select(item =>
            {
                var at = now.AddDays(-item.DaysAgo).AddHours(-item.DaysAgo % 5);
                return new Article
                {
                    SchoolId = school.Id,
                    Kind = item.Kind,
                    Title = item.Title,
                    Slug = Slugs.From(item.Title),
                    Summary = item.Summary,
                    BodyMarkdown = item.Body + (item.Kind == ArticleKind.News ? contact : ""),
                    Status = item.Status,
                    PublishAt = at,
                    CreatedAt = at,
                    UpdatedAt = at,
                    Version = 1,
                    AuthorId = item.Author is null ? head : staff(item.Author),
                };
            });
    }

    private static Item[] Hugo(Func<DateOnly, string> day, DemoCalendar c) =>
        [
            new(
                ArticleKind.News,
                "Rentrée des classes",
                "Les horaires de la rentrée, niveau par niveau.",
                $"## Bienvenue au collège Victor Hugo !\n\nLes élèves de **6e** sont accueillis le "
                    + $"{day(c.Terms[0].From)} à 8 h 30 par leur professeur principal, "
                    + "les autres niveaux le lendemain.\n\n- Apportez votre carnet de correspondance\n- La "
                    + "demi-pension fonctionne dès le premier jour",
                c.Today.DayNumber - c.Terms[0].From.DayNumber + 4
            ),
            new(
                ArticleKind.News,
                "Prix des Incorruptibles : les 6e votent au CDI",
                "Cinq romans en lice, un vote à bulletin secret.",
                "Les élèves de **6e** lisent cette année les cinq romans de la sélection du prix des Incorruptibles. "
                    + "Les livres sont au CDI, "
                    + "empruntables deux semaines.\n\n- Rencontre-débat chaque mardi à 12 h 30\n- Vote final en mai, "
                    + "résultats nationaux en juin",
                26,
                Author: "Nathalie Girard"
            ),
            new(
                ArticleKind.News,
                "Échange bilangue avec Fribourg-en-Brisgau",
                "Les 4e bilangues accueillent leurs correspondants allemands.",
                "Vingt-deux élèves du Droste-Hülshoff-Gymnasium de Fribourg sont reçus dans les familles de nos **4e "
                    + "bilangues**. "
                    + "Au programme : cours en commun, visite de la Citadelle et rallye dans la Boucle.",
                19
            ),
            new(
                ArticleKind.News,
                "Réunion parents-professeurs",
                "Rencontrez l'équipe pédagogique de votre enfant.",
                "Les réunions parents-professeurs ont lieu **jeudi de 17 h à 20 h**. Les rendez-vous se prennent "
                    + "depuis l'ENT, rubrique *Mémos*.",
                12
            ),
            new(
                ArticleKind.News,
                "Section football : en finale départementale",
                "L'équipe des minimes s'est qualifiée face au collège de Pontarlier.",
                $"Victoire 3 à 1 pour nos minimes de la **section sportive**. La finale départementale se joue le "
                    + $"{day(c.NextFriday.AddDays(-2))} "
                    + "au stade Léo-Lagrange : venez les encourager !",
                5
            ),
            new(
                ArticleKind.News,
                "Collecte solidaire pour les Restos du cœur",
                "Denrées non périssables et produits d'hygiène, jusqu'à vendredi.",
                $"Le foyer socio-éducatif organise une collecte jusqu'au {day(c.NextFriday)}. Déposez vos dons au CDI "
                    + "ou à la vie scolaire.\n\n"
                    + "> Merci pour votre générosité : l'an dernier, 640 kg ont été collectés.",
                2
            ),
            new(
                ArticleKind.News,
                "Voyage scolaire (brouillon)",
                "En préparation.",
                "Destination et dates à confirmer avec le conseil d'administration.",
                1,
                ArticleStatus.Draft
            ),
        ];

    private static Item[] Pasteur(Func<DateOnly, string> day, DemoCalendar c) =>
        [
            new(
                ArticleKind.News,
                "Forum des métiers pour les élèves de 3e",
                "Trente professionnels du Jura présentent leur métier.",
                "Artisans, soignants, ingénieurs de l'industrie horlogère et agriculteurs rencontrent les élèves de "
                    + "**3e** au gymnase. "
                    + "Préparez vos questions avec le professeur principal.",
                25
            ),
            new(
                ArticleKind.News,
                "Visite de la maison natale de Louis Pasteur",
                "Les 5e sur les pas du savant, rue Pasteur.",
                "Les classes de **5e** ont visité la maison natale de Louis Pasteur, au bord du canal des Tanneurs : "
                    + "atelier de microscopie "
                    + "et exposition sur la vaccination.",
                18
            ),
            new(
                ArticleKind.News,
                "Atelier robotique : qualifiés pour la finale régionale",
                "Le robot « Doubs-Bot » termine deuxième à Lons-le-Saunier.",
                "L'atelier robotique du jeudi midi a conçu et programmé un robot suiveur de ligne. Prochaine étape : "
                    + "la **finale régionale** à Besançon.",
                11
            ),
            new(
                ArticleKind.News,
                "Concert de la chorale à la collégiale",
                "Soixante choristes, de la 6e à la 3e.",
                $"La chorale du collège chante à la collégiale Notre-Dame de Dole le {day(c.NextMonday.AddDays(3))} à "
                    + "20 h. Entrée libre.",
                4
            ),
            new(
                ArticleKind.News,
                "Brevet blanc : calendrier des épreuves",
                "Français, mathématiques, sciences et histoire-géographie sur deux jours.",
                $"Le brevet blanc des **3e** a lieu le {day(c.NextMonday.AddDays(1))} et le "
                    + $"{day(c.NextMonday.AddDays(3))}.\n\n"
                    + "| Épreuve | Durée |\n|---|---|\n| Français | 3 h |\n| Mathématiques | 2 h |\n| Sciences | 1 h "
                    + "|\n| Histoire-géographie, EMC | 2 h |",
                1
            ),
            new(
                ArticleKind.News,
                "Stage d'observation en entreprise (brouillon)",
                "Convention et calendrier à venir.",
                "Les conventions seront distribuées par les professeurs principaux.",
                1,
                ArticleStatus.Draft
            ),
        ];

    private static Item[] Lumiere(Func<DateOnly, string> day, DemoCalendar c) =>
        [
            new(
                ArticleKind.News,
                "La Nuit du code au lycée",
                "Six heures pour coder un jeu en Python, par équipes.",
                "Quarante élèves de NSI et de seconde ont relevé le défi de la **Nuit du code** : trois équipes sont "
                    + "sélectionnées pour la finale nationale.",
                22
            ),
            new(
                ArticleKind.News,
                "Section européenne : voyage à Édimbourg",
                "Les élèves de la section européenne anglais partent en Écosse.",
                "Cinq jours à Édimbourg : cours dans un lycée partenaire, visite du château et du Parlement écossais. "
                    + "Réunion d'information pour les familles au CDI.",
                15
            ),
            new(
                ArticleKind.News,
                "Bac blanc : calendrier des épreuves",
                "Les épreuves de spécialité des terminales.",
                $"Les épreuves du bac blanc des **terminales** commencent le {day(c.NextMonday)}. Convocations "
                    + "distribuées par la vie scolaire.\n\n"
                    + "- Spécialités : 3 h 30 chacune\n- Philosophie : 4 h\n- Grand oral : entraînement en janvier",
                9
            ),
            new(
                ArticleKind.News,
                "Choix des spécialités : réunion pour les familles de 2nde",
                "Comprendre le choix des trois spécialités de première.",
                $"Réunion d'information le {day(c.NextMonday.AddDays(1))} à 18 h en salle polyvalente, avec les "
                    + "professeurs de chaque spécialité "
                    + "et la psychologue de l'Éducation nationale.",
                6
            ),
            new(
                ArticleKind.News,
                "Don du sang au lycée",
                "L'Établissement français du sang installe sa collecte au gymnase.",
                "Les élèves majeurs et les personnels peuvent donner leur sang de 10 h à 16 h. Pensez à manger avant "
                    + "de venir.",
                3
            ),
            new(
                ArticleKind.News,
                "Portes ouvertes (brouillon)",
                "À programmer.",
                "Date à fixer avec le conseil pédagogique.",
                1,
                ArticleStatus.Draft
            ),
        ];

    private static IEnumerable<Item> Pages(DemoSchools.Seed seed)
    {
        var (transport, canteen) = seed.Slug switch
        {
            "college-victor-hugo" => (
                "Tram ligne 1, arrêt « République » ; bus 3 et 6.",
                "La demi-pension fonctionne au forfait 4 ou 5 jours. Les menus sont affichés chaque semaine."
            ),
            "college-pasteur-dole" => (
                "Bus TGD ligne 2, arrêt « Avenue de Lahr » ; cars scolaires du Jura, arrêt « Collège ».",
                "Les repas sont préparés sur place avec des produits du Jura (comté, volailles de Bresse). Forfait 4 "
                    + "jours."
            ),
            _ => (
                "VBus ligne A, arrêt « Lycée » ; gare SNCF à 10 minutes à pied.",
                "Self ouvert de 11 h 30 à 13 h 30. L'internat accueille 120 élèves du dimanche soir au vendredi."
            ),
        };
        yield return new(
            ArticleKind.Page,
            "Horaires et accès",
            "Ouverture, adresse et transports.",
            $"**Adresse** : {seed.Address}  \n**Téléphone** : {seed.Phone}  \n**Courriel** : "
                + $"[{seed.Email}](mailto:{seed.Email})\n\n"
                + "| Jour | Horaires |\n|---|---|\n| Lundi, mardi, jeudi, vendredi | 7 h 45 – 17 h 30 |\n| Mercredi | "
                + "7 h 45 – 12 h 30 |\n\n"
                + transport,
            90
        );
        yield return new(
            ArticleKind.Page,
            "Restauration scolaire",
            "Menus, tarifs et inscriptions.",
            canteen
                + "\n\n> Les repas tiennent compte des allergies déclarées au projet d'accueil individualisé (PAI).",
            90
        );
        yield return new(
            ArticleKind.Page,
            "Absences et retards",
            "Prévenir la vie scolaire.",
            $"Toute absence est signalée le jour même à la vie scolaire ({seed.Cpe.First} {seed.Cpe.Last}, CPE) au "
                + $"{seed.Phone} "
                + "ou par mémo depuis l'ENT, puis justifiée par écrit au retour de l'élève.",
            90
        );
    }
}
