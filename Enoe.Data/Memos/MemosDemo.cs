using Enoe.Data.Demo;
using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Data.Memos;

/// <summary>
/// A month of mémos in each établissement, within its communication rules: the direction to all
/// families and to the staff, the vie scolaire to a class's parents (with a form attached), teachers
/// to their classes and their colleagues, parents asking a teacher about their child and getting an
/// answer, a student asking a question. Read receipts look real: students have read what reached
/// them, most parents and staff too, whoever answered has read; the README's sign-ins have read all
/// but a few mémos, said mémo by mémo.
/// </summary>
internal sealed class MemosDemo(DemoWorld world, DemoFiles files, Random random)
{
    private sealed record Address(AudienceKind Kind, int Target, string Label, IEnumerable<int> People);

    /// <summary>
    /// The README's sign-ins: they have read everything but the mémos said unread for them (a test of a fresh mémo
    /// counts on it).
    /// </summary>
    private static readonly string[] Readme =
    [
        "lucas.martin",
        "emma.martin",
        "sophie.martin",
        "claire.fontaine",
        "helene.carpentier",
        "julien.roussel",
        "nathalie.girard",
    ];

    private readonly List<(Memo Memo, Memo? Root, Memo? ReplyTo)> _memos = [];
    private readonly List<(Memo Memo, MemoAudience Audience, int PersonId, DateTime? ReadAt)> _copies = [];
    private readonly HashSet<int> _readme = [.. Readme.Select(n => world.Named(n).Id)];
    private readonly int _lucas = world.Named("lucas.martin").Id,
        _emma = world.Named("emma.martin").Id;
    private readonly int _sophie = world.Named("sophie.martin").Id,
        _claire = world.Named("claire.fontaine").Id;

    public IEnumerable<Memo> Memos => _memos.Select(m => m.Memo);

    /// <summary>The mémos of the schools that run the service (the others' sign-ins see none).</summary>
    public void Build(IReadOnlySet<int> schools)
    {
        if (schools.Contains(world.School("college-victor-hugo").Id))
            Hugo();
        if (schools.Contains(world.School("lycee-lumiere").Id))
            Lumiere();
        if (schools.Contains(world.School("college-pasteur-dole").Id))
            Pasteur();
    }

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

    private Memo Send(
        int schoolId,
        int sender,
        DateTime sentAt,
        string subject,
        string body,
        IReadOnlyList<Address> to,
        Memo? replyTo = null,
        int? aboutChild = null,
        IReadOnlyList<int>? unread = null,
        Storage.StoredFile? attachment = null
    )
    {
        var memo = new Memo
        {
            SchoolId = schoolId,
            SenderId = sender,
            Subject = subject,
            Body = body,
            SentAt = sentAt,
            AboutChildId = aboutChild,
            To = string.Join(", ", to.Select(a => a.Label)),
            Audiences =
            [
                .. to.Select(a => new MemoAudience
                {
                    Kind = a.Kind,
                    TargetId = a.Target,
                    Label = a.Label,
                }),
            ],
            Attachments = attachment is null ? [] : [new MemoAttachment { File = attachment }],
        };
        Memo? root = null;
        if (replyTo is not null)
        {
            var original = _memos.First(m => m.Memo == replyTo);
            root = original.Root ?? original.Memo;
            // Whoever answers has read what they answer.
            var read = _copies.FindIndex(c => c.Memo == replyTo && c.PersonId == sender);
            if (read >= 0 && _copies[read].ReadAt is null)
                _copies[read] = _copies[read] with { ReadAt = sentAt.AddMinutes(-10) };
        }
        _memos.Add((memo, root, replyTo));
        var seen = new HashSet<int> { sender };
        for (var i = 0; i < to.Count; i++)
            foreach (var person in to[i].People.Where(seen.Add))
                _copies.Add(
                    (memo, memo.Audiences[i], person, unread?.Contains(person) == true ? null : ReadAt(sentAt, person))
                );
        return memo;
    }

    /// <summary>
    /// Students read what reaches them; four parents or staff in five have read a mémo, a few hours after it came.
    /// </summary>
    private DateTime? ReadAt(DateTime sentAt, int person)
    {
        if (!world.Students.Contains(person) && !_readme.Contains(person) && random.NextDouble() > 0.8)
            return null;
        var read = sentAt.AddMinutes(5 + random.Next(36 * 60));
        return read < world.Now ? read : world.Now;
    }

    /// <summary>Once the mémos are saved: the thread of each (its first mémo) and every person's copy.</summary>
    public IEnumerable<MemoRecipient> Copies()
    {
        foreach (var (memo, root, replyTo) in _memos)
            (memo.ThreadId, memo.ReplyToId) = (root?.Id ?? memo.Id, replyTo?.Id);
        return _copies.Select(c => new MemoRecipient
        {
            MemoId = c.Memo.Id,
            PersonId = c.PersonId,
            AudienceId = c.Audience.Id,
            ReadAt = c.ReadAt,
            Folder = MemoFolder.Inbox,
        });
    }

    private DateTime At(int daysAgo, int hour, int minute)
    {
        var at = DemoWorld.Utc(world.Calendar.Today.AddDays(-daysAgo), new TimeOnly(hour, minute));
        return at < world.Now ? at : world.Now.AddMinutes(-30 - daysAgo);
    }

    private string Civil(int teacher) =>
        (DemoNames.IsWoman(world.People[teacher].FirstName) ? "Madame " : "Monsieur ") + world.People[teacher].LastName;

    private Address Person(int id) => new(AudienceKind.Person, id, world.People[id].Name, [id]);

    private static Address ClassStudents(DemoWorld.Audience c) =>
        new(AudienceKind.ClassStudents, c.ClassId!.Value, $"Élèves de {c.Name}", c.Students);

    private Address ClassParents(DemoWorld.Audience c) =>
        new(AudienceKind.ClassParents, c.ClassId!.Value, $"Parents de {c.Name}", world.ParentsOfAudience(c));

    private Address ClassTeachers(DemoWorld.Audience c) =>
        new(
            AudienceKind.ClassTeachers,
            c.ClassId!.Value,
            $"Équipe pédagogique de {c.Name}",
            world.TeachingsOf(c).Select(t => t.TeacherId).Distinct()
        );

    private Address Profiles(int schoolId, Profile profiles, string label) =>
        new(AudienceKind.Profile, (int)profiles, label, world.Members(schoolId, profiles));
}

/// <summary>Order 80: after Documents, before Assignments (the files they draw, in that order).</summary>
internal sealed class MemosDemoStep : IDemoStep
{
    public int Order => 80;

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var db = demo.Db;
        var memos = new MemosDemo(demo.World, demo.Files, new Random(6));
        memos.Build(demo.Running(EntService.Memos));
        await demo.Files.SaveAsync(db, ct);
        db.AddRange(memos.Memos);
        await db.SaveChangesAsync(ct);
        await DemoBulk.InsertAsync(db, memos.Copies(), ct);
        foreach (var memo in memos.Memos)
            db.Entry(memo).DetectChanges(); // their threads, known now
        await db.SaveChangesAsync(ct);
    }
}
