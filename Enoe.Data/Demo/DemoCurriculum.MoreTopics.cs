namespace Enoe.Data.Demo;

/// <summary>The chapters of the month in the sciences, technology, arts, languages, NSI and SES.</summary>
internal static partial class DemoCurriculum
{
    /// <summary>The chapters of the month from SVT on (<see cref="Topics"/> asks here for them).</summary>
    private static string[] MoreTopics(string subject, string level) =>
        (subject, level) switch
        {
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
}
