namespace Enoe.Data.Demo;

/// <summary>The chapters of the month in French, philosophy, maths, history-geography and English.</summary>
internal static partial class DemoCurriculum
{
    /// <summary>The chapters of the month, in order.</summary>
    public static string[] Topics(string subject, string level) =>
        (subject, level) switch
        {
            ("FRAN", "6e") =>
            [
                "Contes merveilleux : Perrault et Grimm",
                "L'Odyssée : Ulysse face au Cyclope",
                "Le groupe nominal",
                "Le présent de l'indicatif",
            ],
            ("FRAN", "5e") =>
            [
                "Robinson Crusoé : le voyage et l'aventure",
                "Les chevaliers de la Table ronde",
                "Les compléments circonstanciels",
                "Le passé simple",
            ],
            ("FRAN", "4e") =>
            [
                "Le Horla de Maupassant : le récit fantastique",
                "Dire l'amour : de Ronsard à Aragon",
                "Les propositions subordonnées relatives",
                "L'accord du participe passé",
            ],
            ("FRAN", "3e") =>
            [
                "Enfance de Nathalie Sarraute : se raconter",
                "Candide : dénoncer les travers de la société",
                "L'expression de la cause et de la conséquence",
                "Brevet : la rédaction",
            ],
            ("FRAN", "2nde") =>
            [
                "Bel-Ami : le roman réaliste",
                "Les Fleurs du mal : Baudelaire",
                "Méthode : le commentaire de texte",
                "La phrase complexe",
            ],
            ("FRAN", _) =>
            [
                "Juste la fin du monde de Lagarce",
                "Montaigne, « Des cannibales »",
                "Méthode : la dissertation",
                "L'explication linéaire à l'oral",
            ],
            ("PHILO", _) => ["La conscience", "L'inconscient", "La liberté", "Méthode : l'explication de texte"],
            ("MATHS", "6e") =>
            [
                "Nombres décimaux : comparer et ranger",
                "Droites parallèles et perpendiculaires",
                "Fractions : partage et quotient",
                "Périmètres et aires",
            ],
            ("MATHS", "5e") =>
            [
                "Nombres relatifs : addition et soustraction",
                "Priorités opératoires",
                "Triangles : construction et inégalité triangulaire",
                "Proportionnalité et pourcentages",
            ],
            ("MATHS", "4e") =>
            [
                "Nombres relatifs : multiplication et division",
                "Fractions : les quatre opérations",
                "Puissances de dix",
                "Calcul littéral : développer et réduire",
            ],
            ("MATHS", "3e") =>
            [
                "Arithmétique : nombres premiers",
                "Calcul littéral : factoriser",
                "Le théorème de Thalès",
                "Notion de fonction",
            ],
            ("MATHS", "2nde") =>
            [
                "Ensembles de nombres et intervalles",
                "Vecteurs du plan",
                "Fonctions de référence",
                "Statistiques descriptives",
            ],
            ("MATHS", "1re") =>
            [
                "Le second degré",
                "Suites arithmétiques et géométriques",
                "La dérivation",
                "Probabilités conditionnelles",
            ],
            ("MATHS", _) =>
            [
                "Limites de fonctions",
                "Continuité et valeurs intermédiaires",
                "Le logarithme népérien",
                "Raisonnement par récurrence",
            ],
            ("HG", "6e") =>
            [
                "Les débuts de l'humanité",
                "La Mésopotamie : premiers États, premières écritures",
                "Habiter une métropole",
                "Le monde des cités grecques",
            ],
            ("HG", "5e") =>
            [
                "Byzance et l'Europe carolingienne",
                "L'Islam : pouvoirs, sociétés, cultures",
                "La croissance démographique",
                "Seigneurs et paysans au Moyen Âge",
            ],
            ("HG", "4e") =>
            [
                "Les Lumières",
                "La Révolution française et l'Empire",
                "L'urbanisation du monde",
                "L'Europe de la révolution industrielle",
            ],
            ("HG", "3e") =>
            [
                "La Première Guerre mondiale",
                "Démocraties fragilisées et totalitarismes",
                "Les aires urbaines en France",
                "EMC : être citoyen",
            ],
            ("HG", "2nde") =>
            [
                "La Méditerranée antique",
                "La Renaissance",
                "Sociétés et environnements : des équilibres fragiles",
                "Les mobilités humaines",
            ],
            ("HG", "1re") =>
            [
                "L'Europe face aux révolutions",
                "La France dans l'Europe des nationalités",
                "La métropolisation",
                "Les espaces ruraux",
            ],
            ("HG", _) =>
            [
                "Les régimes totalitaires",
                "La Seconde Guerre mondiale",
                "Mers et océans dans la mondialisation",
                "Dynamiques territoriales de la France",
            ],
            ("ANG", "6e") => ["Introduce yourself", "My family and my pets", "Daily routine", "Christmas traditions"],
            ("ANG", "5e") =>
            [
                "Animals at the zoo",
                "Shopping in London",
                "Last weekend: the past simple",
                "Christmas around the world",
            ],
            ("ANG", "4e") =>
            [
                "Legends: the Loch Ness monster",
                "A trip to New York",
                "The present perfect",
                "Everyday heroes",
            ],
            ("ANG", "3e") =>
            [
                "Fighting for rights: Rosa Parks",
                "The future: predictions",
                "Modals",
                "Brevet: oral presentation",
            ],
            ("ANG", "2nde") =>
            [
                "Identities and exchanges",
                "Art and power",
                "The passive voice",
                "Debate: social networks",
            ],
            ("ANG", _) =>
            [
                "Fiction and realities",
                "Citizenship and virtual worlds",
                "Reported speech",
                "Essay writing",
            ],
            _ => MoreTopics(subject, level),
        };
}
