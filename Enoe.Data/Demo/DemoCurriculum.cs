namespace Enoe.Data.Demo;

/// <summary>
/// What is taught, level by level, in the weeks the demo fills (November–December of a usual
/// year's progression): weekly hours, chapters, and the phrases teachers write in the carnet.
/// </summary>
internal static class DemoCurriculum
{
    /// <summary>
    /// Hours a week of a subject at a level (0: not taught there). Groups (LV2, spécialités) included.
    /// </summary>
    public static int WeeklyHours(string subject, string level) =>
        (subject, level) switch
        {
            ("FRAN", "6e") => 5,
            ("FRAN", "Tle") => 0,
            ("FRAN", _) => 4,
            ("PHILO", "Tle") => 4,
            ("PHILO", _) => 0,
            ("MATHS", _) => 4,
            ("HG", _) => 3,
            ("ANG", "6e") => 4,
            ("ANG", "1re" or "Tle") => 2,
            ("ANG", _) => 3,
            ("SVT", "6e") => 2,
            ("SVT", _) => level is "2nde" or "1re" or "Tle" ? 2 : 1,
            ("PC", "6e") => 1,
            ("PC", _) => level is "2nde" or "1re" or "Tle" ? 3 : 2,
            ("TECHNO", _) => 1,
            ("EPS", "6e") => 4,
            ("EPS", _) => level is "2nde" or "1re" or "Tle" ? 2 : 3,
            ("AP" or "MUS", _) => 1,
            ("ESP" or "ALL", "6e") => 0,
            ("ESP" or "ALL", _) => 2,
            ("NSI" or "SES", "1re") => 4,
            ("NSI" or "SES", "Tle") => 6,
            _ => 0,
        };

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
            ("SVT", "6e") =>
            [
                "Le vivant et sa diversité",
                "Classer les êtres vivants",
                "Les besoins des végétaux",
                "La Terre dans le système solaire",
            ],
            ("SVT", "5e") =>
            [
                "La respiration chez les animaux",
                "Roches et paysages",
                "La digestion",
                "L'effort physique",
            ],
            ("SVT", "4e") => ["Séismes et volcans", "La reproduction humaine", "Le système nerveux", "Les écosystèmes"],
            ("SVT", "3e") =>
            [
                "ADN et chromosomes",
                "Le système immunitaire",
                "L'évolution des espèces",
                "Alimentation et santé",
            ],
            ("SVT", "2nde") =>
            [
                "La cellule, unité du vivant",
                "Biodiversité et évolution",
                "Agrosystèmes et sols",
                "Procréation et sexualité humaine",
            ],
            ("SVT", _) =>
            [
                "Transmission du génome",
                "La dynamique de la lithosphère",
                "Écosystèmes et services environnementaux",
                "Immunologie",
            ],
            ("PC", "6e") =>
            [
                "Les états de la matière",
                "Mélanges et solutions",
                "Les sources d'énergie",
                "Décrire un mouvement",
            ],
            ("PC", "5e") =>
            [
                "Les changements d'état de l'eau",
                "Masse et volume",
                "Circuits électriques simples",
                "Lumière et ombres",
            ],
            ("PC", "4e") =>
            [
                "Atomes et molécules",
                "Les transformations chimiques",
                "La loi d'Ohm",
                "La vitesse de la lumière",
            ],
            ("PC", "3e") => ["Ions et pH", "Énergie et puissance électriques", "La gravitation", "Les signaux sonores"],
            ("PC", "2nde") =>
            [
                "Corps purs et mélanges",
                "Structure de l'atome",
                "Mouvement et interactions",
                "Ondes et signaux",
            ],
            ("PC", _) =>
            [
                "Suivi d'une transformation chimique",
                "Interactions fondamentales",
                "Énergie mécanique",
                "Ondes mécaniques",
            ],
            ("TECHNO", _) =>
            [
                "Les objets techniques et leurs fonctions",
                "Programmer avec Scratch",
                "Matériaux et impact environnemental",
                "Modéliser en 3D",
            ],
            ("EPS", _) => ["Demi-fond", "Badminton", "Gymnastique au sol", "Handball"],
            ("AP", _) =>
            [
                "La représentation de l'espace",
                "Le portrait et l'autoportrait",
                "Matières et matériaux",
                "L'objet détourné",
            ],
            ("MUS", _) => ["Le chant choral", "La musique de film", "Rythmes du monde", "Préparer le concert de Noël"],
            ("ESP", _) => ["Presentarse", "La vida cotidiana", "Viajar por España", "La Navidad en España"],
            ("ALL", _) => ["Sich vorstellen", "Meine Familie", "In der Schule", "Weihnachten in Deutschland"],
            ("NSI", "1re") =>
            [
                "Représentation des données en binaire",
                "Python : fonctions et boucles",
                "Traitement de tables (CSV)",
                "Architecture d'un ordinateur",
            ],
            ("NSI", _) => ["Récursivité", "Programmation orientée objet", "Piles et files", "Bases de données et SQL"],
            ("SES", "1re") =>
            [
                "Comment un marché fonctionne-t-il ?",
                "Le financement de l'économie",
                "La socialisation",
                "Le chômage",
            ],
            ("SES", _) =>
            [
                "Les sources de la croissance",
                "Le commerce international",
                "La mobilité sociale",
                "L'action publique pour l'environnement",
            ],
            _ => ["Reprise du programme"],
        };

    /// <summary>What a session was about: its chapter and one of the subject's usual activities.</summary>
    public static string Session(string subject, string topic, int step, Random random)
    {
        var opening = step == 0 ? $"**{topic}** : ouverture du chapitre. " : $"**{topic}** (suite). ";
        return opening + Pick(Activities(subject), random);
    }

    private static string[] Activities(string subject) =>
        subject switch
        {
            "FRAN" or "PHILO" =>
            [
                "Lecture analytique d'un extrait, relevé des procédés au tableau.",
                "Travail d'écriture : rédiger un paragraphe argumenté.",
                "Leçon et exercices d'application ; correction collective.",
                "Lecture à voix haute puis débat sur le texte.",
                "Méthode : construire un plan, travail en binômes.",
            ],
            "MATHS" =>
            [
                "Activité d'introduction en groupes, puis trace écrite.",
                "Cours : définitions, propriétés et exemples.",
                "Exercices d'application du manuel.",
                "Correction des exercices et méthode au tableau.",
                "Calcul mental (10 min) puis problèmes.",
            ],
            "HG" =>
            [
                "Étude de documents : textes et images, questionnaire.",
                "Cours dialogué et frise chronologique.",
                "Croquis et légende organisée.",
                "Récit à l'oral à partir d'une carte.",
                "Travail en groupes sur un dossier documentaire.",
            ],
            "ANG" or "ESP" or "ALL" =>
            [
                "Compréhension orale : vidéo et questions.",
                "Vocabulary and pair work.",
                "Expression orale en binômes, jeux de rôle.",
                "Compréhension écrite d'un article.",
                "Point de grammaire et exercices.",
            ],
            "SVT" or "PC" =>
            [
                "Démarche d'investigation : hypothèses et protocole.",
                "Travaux pratiques en binômes, compte rendu.",
                "Cours et schéma-bilan.",
                "Exploitation de résultats expérimentaux.",
                "Exercices de réinvestissement.",
            ],
            "TECHNO" or "NSI" =>
            [
                "Travail en îlots sur poste informatique.",
                "Cours et mini-projet guidé.",
                "Analyse d'un système réel.",
                "Programmation et tests.",
            ],
            "EPS" =>
            [
                "Échauffement, ateliers techniques puis match.",
                "Travail en groupes de niveau.",
                "Situation d'évaluation formative.",
            ],
            "SES" =>
            [
                "Étude d'un dossier documentaire.",
                "Lecture de données statistiques : taux de variation.",
                "Cours et schéma de synthèse.",
                "Préparation d'un oral en groupes.",
            ],
            _ => ["Pratique et projet de la classe.", "Écoute, analyse et création.", "Présentation des travaux."],
        };

    /// <summary>
    /// Work set at the end of a session, and how long it should take; null when the teacher sets none.
    /// </summary>
    public static (string Text, int Minutes)? Homework(string subject, Random random)
    {
        var page = 20 + random.Next(180);
        var n = 2 + random.Next(30);
        string[] choices = subject switch
        {
            "FRAN" =>
            [
                $"Lire les pages {page} à {page + 12} et noter trois citations.",
                "Apprendre la leçon et refaire l'exercice de la fiche.",
                "Rédiger la suite du texte (20 lignes).",
                $"Exercices {n} et {n + 1} p. {page}.",
            ],
            "PHILO" =>
            [
                "Lire le texte distribué et en dégager la thèse.",
                "Préparer l'introduction d'une dissertation sur le sujet donné.",
            ],
            "MATHS" =>
            [
                $"Exercices {n}, {n + 1} et {n + 3} p. {page}.",
                "Apprendre les propriétés du cours et refaire les exemples.",
                "Terminer la fiche d'exercices.",
                $"Exercice {n} p. {page} : rédiger la solution.",
            ],
            "HG" =>
            [
                "Apprendre les repères et le vocabulaire du chapitre.",
                $"Compléter le croquis p. {page}.",
                $"Répondre aux questions du document {n % 5 + 1} p. {page}.",
            ],
            "ANG" =>
            [
                $"Learn the vocabulary p. {page}.",
                $"Workbook: exercises {n % 8 + 1} and {n % 8 + 2}.",
                "Prepare a short oral presentation (1 minute).",
            ],
            "ESP" => ["Aprender el vocabulario de la lección.", $"Ejercicios {n % 6 + 1} y {n % 6 + 2} del cuaderno."],
            "ALL" => ["Vokabeln lernen (Seite " + page + ").", $"Arbeitsheft: Übung {n % 6 + 1}."],
            "SVT" or "PC" =>
            [
                "Apprendre le schéma-bilan.",
                $"Exercices {n % 10 + 1} et {n % 10 + 2} p. {page}.",
                "Terminer le compte rendu de TP.",
            ],
            "NSI" => ["Terminer le programme commencé en classe et le tester.", "Exercices de la fiche Python."],
            "SES" => ["Apprendre les notions du chapitre.", $"Répondre aux questions du document {n % 5 + 1}."],
            "TECHNO" => ["Compléter la fiche de synthèse."],
            _ => [],
        };
        if (choices.Length == 0)
            return null;
        return (Pick(choices, random), 15 + 5 * random.Next(7));
    }

    /// <summary>An assessment's title: a test, a quiz or a subject's usual evaluation.</summary>
    public static string AssessmentTitle(string subject, string topic, bool major) =>
        subject switch
        {
            "EPS" => $"Évaluation : {topic}",
            "ANG" or "ESP" or "ALL" => major ? $"Compréhension orale – {topic}" : $"Vocabulary quiz – {topic}",
            _ => major ? $"Contrôle : {topic}" : $"Interrogation écrite : {topic}",
        };

    public static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
