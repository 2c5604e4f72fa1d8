using Enoe.Data.Demo;
using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Data.Memos;

/// <summary>The mémos of the collège Victor Hugo, around Lucas's 4eA.</summary>
internal sealed partial class MemosDemo
{
    /// <summary>Collège Victor Hugo: Lucas's 4eA.</summary>
    private void Hugo()
    {
        var hugo = world.School("college-victor-hugo");
        var c4eA = world.Class(hugo.Slug, "4eA");
        var head = world.Staff(hugo.Id, "Principale");
        var lead = world.TeachingOf(c4eA, "FRAN").TeacherId; // the professeur principal
        var history = world.TeachingOf(c4eA, "HG").TeacherId;
        Send(
            hugo.Id,
            head,
            At(10, 16, 30),
            "Calendrier des conseils de classe",
            "Bonjour à toutes et à tous,\n\nLes conseils de classe du premier trimestre se tiennent de 17 h 30 à 19 h "
                + "30 en salle polyvalente. "
                + "Merci de saisir vos appréciations dans l'ENT **trois jours avant** le conseil de chaque "
                + "classe.\n\nBien cordialement,\nH. Carpentier, principale",
            [
                Profiles(hugo.Id, Profile.Staff | Profile.SchoolAdmin, "Tout le personnel"),
                Profiles(hugo.Id, Profile.Teacher, "Tous les enseignants"),
            ]
        );
        Send(
            hugo.Id,
            head,
            At(9, 17, 45),
            "Conseils de classe du premier trimestre",
            "Madame, Monsieur,\n\nLes conseils de classe du premier trimestre auront lieu prochainement. Les délégués "
                + "des parents recueillent vos remarques : "
                + "n'hésitez pas à les contacter par mémo.\n\nLes bulletins seront consultables dans l'ENT, rubrique "
                + "*Notes*, à l'issue des conseils.\n\n"
                + "La principale, Hélène Carpentier",
            [Profiles(hugo.Id, Profile.Parent, "Tous les parents")]
        );
        Send(
            hugo.Id,
            lead,
            At(20, 18, 10),
            "Lecture du Horla : édition à se procurer",
            "Bonjour,\n\nNous étudierons *Le Horla* de Maupassant. Merci de procurer à votre enfant l'édition de poche "
                + "de la collection « Classiques » "
                + "(environ 3 €), à apporter à chaque cours de français.",
            [ClassParents(c4eA)]
        );
        Send(
            hugo.Id,
            world.Staff(hugo.Id, "Professeur documentaliste"),
            At(8, 10, 15),
            "Exposés d'histoire : le CDI vous accueille",
            "Bonjour à tous,\n\nPour préparer vos exposés, le CDI est ouvert pendant vos heures libres. Réservez "
                + "l'espace de travail depuis l'ENT "
                + "(*Réservations*) et pensez à noter vos sources.\n\nN. Girard",
            [ClassStudents(c4eA)]
        );
        var absence = Send(
            hugo.Id,
            _sophie,
            At(6, 8, 5),
            "Absence de Lucas jeudi",
            "Bonjour Madame Fontaine,\n\nLucas a rendez-vous chez l'orthodontiste jeudi matin : il manquera le cours "
                + "de mathématiques. "
                + "Pourriez-vous lui indiquer le travail à rattraper ?\n\nCordialement,\nSophie Martin",
            [Person(_claire)],
            aboutChild: _lucas
        );
        Send(
            hugo.Id,
            _claire,
            At(6, 12, 40),
            "Re: Absence de Lucas jeudi",
            "Bonjour Madame Martin,\n\nMerci de m'avoir prévenue. Lucas trouvera le travail dans le carnet de bord : "
                + "qu'il fasse les exercices "
                + "et me montre son cahier au cours suivant.\n\nBien cordialement,\nClaire Fontaine",
            [Person(_sophie)],
            replyTo: absence
        );
        var outing = files.Pdf(
            hugo.Id,
            world.Staff(hugo.Id, "Conseiller principal"),
            "Autorisation de sortie - musée du Temps.pdf",
            At(3, 9, 30),
            "Autorisation de sortie",
            "Sortie au musée du Temps, Besançon — classe de 4eA.",
            "",
            "Je soussigné(e) ........................................, responsable légal de l'élève "
                + "........................................,",
            "autorise mon enfant à participer à la sortie pédagogique au musée du Temps.",
            "",
            "Date et signature :"
        );
        Send(
            hugo.Id,
            world.Staff(hugo.Id, "Conseiller principal"),
            At(3, 9, 30),
            "Sortie au musée du Temps : autorisation à signer",
            "Madame, Monsieur,\n\nLa classe de 4eA se rendra au musée du Temps avec ses professeurs d'histoire et de "
                + "physique-chimie. "
                + "Merci de signer l'autorisation jointe et de la remettre au professeur principal **avant "
                + "vendredi**.\n\nJ. Roussel, CPE",
            [ClassParents(c4eA)],
            unread: [_sophie],
            attachment: outing
        );
        Send(
            hugo.Id,
            _claire,
            At(2, 17, 20),
            "Interrogation de mathématiques",
            "Bonjour à tous,\n\nInterrogation de 20 minutes au début du prochain cours, sur le chapitre en cours. "
                + "Revoyez les exercices corrigés en classe et la leçon.\n\nMme Fontaine",
            [ClassStudents(c4eA)],
            unread: [_lucas]
        );
        var question = Send(
            hugo.Id,
            _lucas,
            At(4, 18, 30),
            "Question sur l'exposé",
            $"Bonjour {Civil(history)},\n\nPour l'exposé sur la révolution industrielle, pouvons-nous travailler à "
                + "trois ?\n\nMerci,\nLucas Martin",
            [Person(history)]
        );
        Send(
            hugo.Id,
            history,
            At(3, 7, 50),
            "Re: Question sur l'exposé",
            "Bonjour Lucas,\n\nOui, à trois c'est possible, à condition que chacun présente une partie à l'oral. "
                + "Pensez à réserver le CDI.",
            [Person(_lucas)],
            replyTo: question,
            unread: [_lucas]
        );
        Send(
            hugo.Id,
            lead,
            At(1, 19, 5),
            "Conseil de classe de 4eA : vos appréciations",
            "Chers collègues,\n\nLe conseil de classe de 4eA approche : merci de saisir vos appréciations et de me "
                + "signaler les élèves "
                + "dont la situation vous inquiète.\n\nBonne semaine",
            [ClassTeachers(c4eA)]
        );
        ParentAsksATeacher(world.Class(hugo.Slug, "5eB"), "FRAN", 15);
    }
}
