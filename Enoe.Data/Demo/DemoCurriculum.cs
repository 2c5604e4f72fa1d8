namespace Enoe.Data.Demo;

/// <summary>
/// What is taught, level by level, in the weeks the demo fills (November–December of a usual
/// year's progression): weekly hours, chapters, and the phrases teachers write in the carnet.
/// </summary>
internal static partial class DemoCurriculum
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
