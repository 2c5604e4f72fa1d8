using Enoe.Data.Demo;
using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Data.Memos;

/// <summary>The mémos of the lycée Louis Lumière and the collège Louis Pasteur; a parent asks a teacher.</summary>
internal sealed partial class MemosDemo
{
    /// <summary>Lycée Louis Lumière: Emma's 2ndeA.</summary>
    private void Lumiere()
    {
        var lumiere = world.School("lycee-lumiere");
        var c2ndeA = world.Class(lumiere.Slug, "2ndeA");
        var maths = world.TeachingOf(c2ndeA, "MATHS").TeacherId;
        var cpe = world.Staff(lumiere.Id, "Conseiller principal");
        Send(
            lumiere.Id,
            cpe,
            At(24, 11, 0),
            "Élection des délégués de classe",
            "Bonjour à tous,\n\nL'élection des délégués a lieu pendant l'heure de vie de classe. Les candidatures sont "
                + "à remettre au professeur principal.\n\nC. Faure, CPE",
            [ClassStudents(c2ndeA)]
        );
        Send(
            lumiere.Id,
            cpe,
            At(16, 9, 10),
            "Exercice d'évacuation incendie",
            "Un exercice d'évacuation aura lieu dans la semaine. Au signal, suivez le professeur présent jusqu'au "
                + "point de rassemblement (cour d'honneur), sans courir.",
            [Profiles(lumiere.Id, Profile.Student, "Tous les élèves")]
        );
        Send(
            lumiere.Id,
            world.TeachingOf(c2ndeA, "FRAN").TeacherId,
            At(14, 18, 45),
            "Bilan de mi-trimestre",
            "Madame, Monsieur,\n\nL'équipe pédagogique a fait le point à mi-trimestre : la classe est sérieuse et "
                + "participe bien. "
                + "Les bilans individuels sont consultables dans l'ENT.\n\nLe professeur principal",
            [ClassParents(c2ndeA)]
        );
        var meeting = Send(
            lumiere.Id,
            _sophie,
            At(11, 20, 15),
            "Demande de rendez-vous",
            $"Bonjour {Civil(maths)},\n\nEmma a trouvé le début d'année difficile en mathématiques. Serait-il possible "
                + "de vous rencontrer ?\n\nCordialement,\nSophie Martin",
            [Person(maths)],
            aboutChild: _emma
        );
        Send(
            lumiere.Id,
            maths,
            At(10, 12, 5),
            "Re: Demande de rendez-vous",
            "Bonjour Madame Martin,\n\nVolontiers : je vous propose jeudi à 17 h 45 au lycée, salle des professeurs. "
                + "Emma progresse, ses derniers travaux sont encourageants.\n\nCordialement",
            [Person(_sophie)],
            replyTo: meeting
        );
        Send(
            lumiere.Id,
            world.Staff(lumiere.Id, "Proviseur"),
            At(5, 16, 0),
            "Choix des spécialités : réunion d'information",
            "Madame, Monsieur,\n\nUne réunion d'information sur le choix des spécialités de première est organisée "
                + "pour les familles de seconde. "
                + "Les professeurs de chaque spécialité et la psychologue de l'Éducation nationale seront "
                + "présents.\n\nLe proviseur, Philippe Arnaud",
            [Profiles(lumiere.Id, Profile.Parent, "Tous les parents")],
            unread: [_sophie]
        );
        Send(
            lumiere.Id,
            maths,
            At(2, 18, 0),
            "Devoir surveillé de mathématiques",
            "Bonjour,\n\nDevoir surveillé d'une heure au prochain cours : fonctions de référence et intervalles. "
                + "Calculatrice autorisée.",
            [ClassStudents(c2ndeA)],
            unread: [_emma]
        );
        ParentAsksATeacher(world.Class(lumiere.Slug, "1reB"), "PC", 12);
    }

    /// <summary>Collège Louis Pasteur: no named family, the same life.</summary>
    private void Pasteur()
    {
        var pasteur = world.School("college-pasteur-dole");
        Send(
            pasteur.Id,
            world.Staff(pasteur.Id, "Principal"),
            At(13, 16, 40),
            "Réunion du conseil pédagogique",
            "Chers collègues,\n\nLe conseil pédagogique se réunit au CDI pour préparer le brevet blanc. Ordre du jour "
                + "en pièce jointe au prochain mémo.",
            [Profiles(pasteur.Id, Profile.Teacher, "Tous les enseignants")]
        );
        Send(
            pasteur.Id,
            world.Staff(pasteur.Id, "Principal"),
            At(7, 17, 30),
            "Brevet blanc des 3e",
            "Madame, Monsieur,\n\nLe brevet blanc des élèves de 3e se déroule sur deux jours. Les convocations sont "
                + "remises par les professeurs principaux.",
            [Profiles(pasteur.Id, Profile.Parent, "Tous les parents")]
        );
        Send(
            pasteur.Id,
            world.Staff(pasteur.Id, "Conseiller principal"),
            At(12, 10, 20),
            "Sortie dans le Jura : parents accompagnateurs",
            "Madame, Monsieur,\n\nNous cherchons deux parents pour accompagner la sortie géologique de la classe. "
                + "Merci de répondre à ce mémo.",
            [ClassParents(world.Class(pasteur.Slug, "5eA"))]
        );
        Send(
            pasteur.Id,
            _claire,
            At(3, 16, 55),
            "Devoir maison de proportionnalité",
            "Bonjour à tous,\n\nLe devoir maison est en ligne dans *Devoirs* : rendez une copie scannée ou "
                + "photographiée avant la date limite.",
            [ClassStudents(world.Class(pasteur.Slug, "3eB"))]
        );
        ParentAsksATeacher(world.Class(pasteur.Slug, "6eA"), "MATHS", 9);
    }

    /// <summary>A parent of the class writes to a teacher about their child, who answers the next day.</summary>
    private void ParentAsksATeacher(DemoWorld.Audience audience, string subject, int daysAgo)
    {
        var teacher = world.TeachingOf(audience, subject).TeacherId;
        var child = audience.Students[random.Next(audience.Students.Count)];
        var parent = world.ParentsOf[child].First();
        var name = world.People[child].FirstName;
        var asked = Send(
            audience.SchoolId,
            parent,
            At(daysAgo, 19, 40),
            $"Travail de {name}",
            $"Bonjour {Civil(teacher)},\n\n{name} dit avoir du mal à s'organiser pour les devoirs à la maison. "
                + $"Avez-vous des conseils ?\n\nMerci d'avance,\n{world.People[parent].Name}",
            [Person(teacher)],
            aboutChild: child
        );
        Send(
            audience.SchoolId,
            teacher,
            At(daysAgo - 1, 12, 30),
            $"Re: Travail de {name}",
            $"Bonjour,\n\nJe conseille à {name} de noter chaque soir le travail dans le carnet de bord et de le cocher "
                + "une fois fait. Je reste disponible.\n\nCordialement",
            [Person(parent)],
            replyTo: asked
        );
    }
}
