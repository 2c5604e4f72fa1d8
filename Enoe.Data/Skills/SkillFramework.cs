namespace Enoe.Data.Skills;

/// <summary>
/// The framework an établissement starts with: the five domains of the socle commun de
/// connaissances, de compétences et de culture (domain 1 in its four components), and digital
/// skills in the manner of the B2i (now the CRCN's areas).
/// </summary>
public static class SkillFramework
{
    public static readonly IReadOnlyList<(string Code, string Name, (string Code, string Name)[] Skills)> Default =
    [
        (
            "D1",
            "Les langages pour penser et communiquer",
            [
                ("D1.1", "Comprendre, s'exprimer en utilisant la langue française à l'oral et à l'écrit"),
                (
                    "D1.2",
                    "Comprendre, s'exprimer en utilisant une langue étrangère et, le cas échéant, une langue régionale"
                ),
                (
                    "D1.3",
                    "Comprendre, s'exprimer en utilisant les langages mathématiques, scientifiques et informatiques"
                ),
                ("D1.4", "Comprendre, s'exprimer en utilisant les langages des arts et du corps"),
            ]
        ),
        (
            "D2",
            "Les méthodes et outils pour apprendre",
            [("D2", "Organiser son travail, coopérer, rechercher et traiter l'information, mener un projet")]
        ),
        (
            "D3",
            "La formation de la personne et du citoyen",
            [("D3", "Exprimer sa sensibilité, respecter autrui, exercer son esprit critique, s'engager")]
        ),
        (
            "D4",
            "Les systèmes naturels et les systèmes techniques",
            [("D4", "Mener une démarche scientifique, concevoir, créer, réaliser, adopter un comportement responsable")]
        ),
        (
            "D5",
            "Les représentations du monde et l'activité humaine",
            [
                (
                    "D5",
                    "Se situer dans l'espace et le temps, analyser et comprendre les organisations humaines, "
                        + "raisonner, imaginer, élaborer, produire"
                ),
            ]
        ),
        (
            "NUM",
            "Compétences numériques (B2i)",
            [
                ("NUM.1", "Rechercher, évaluer et traiter l'information"),
                ("NUM.2", "Communiquer et collaborer en ligne"),
                ("NUM.3", "Créer des contenus numériques"),
                ("NUM.4", "Protéger ses données, sa santé et l'environnement"),
                ("NUM.5", "Utiliser un environnement numérique et résoudre des problèmes techniques"),
            ]
        ),
    ];
}
