using Enoe.Data.Demo;
using Enoe.Data.Schools;

namespace Enoe.Data.Assignments;

/// <summary>
/// Devoirs with their copies. Every class had one due about ten days ago — most students handed in
/// (a few late), every copy returned with a comment, some with an annotated file — and has one due
/// next week that early students have already handed in. Claire Fontaine, the demo teacher, is
/// still correcting her last one, and keeps her "Problèmes de proportionnalité" due this week.
/// Files are small real PDFs, so every download works.
/// </summary>
internal sealed class AssignmentsDemo(DemoWorld world, DemoFiles files, Random random)
{
    private static readonly string[] PastSubjects = ["FRAN", "HG", "SVT", "ANG"],
        ComingSubjects = ["HG", "SVT", "FRAN", "PC"];

    private readonly List<Assignment> _assignments = [];
    private readonly List<Submission> _submissions = [];
    private readonly List<(
        Assignment Assignment,
        int StudentId,
        string Comment,
        Storage.StoredFile? File,
        DateTime At,
        int TeacherId
    )> _returns = [];

    public IReadOnlyList<Assignment> Assignments => _assignments;
    public IReadOnlyList<Submission> Submissions => _submissions;

    /// <summary>The files of each copy, once the copies are saved (a file names its copy by id).</summary>
    public IEnumerable<SubmissionFile> SubmissionFiles() =>
        _submissions.SelectMany(s =>
            s.Files.Select(f =>
            {
                f.SubmissionId = s.Id;
                return f;
            })
        );

    public void Build(IReadOnlySet<int> schools, int claireId)
    {
        var calendar = world.Calendar;
        // Numbered among all the classes: a school switched off leaves the others' devoirs as they were.
        foreach (var (audience, i) in world.Classes.Select((c, i) => (c, i)).Where(c => schools.Contains(c.c.SchoolId)))
        {
            var past = Devoir(audience, PastSubjects[i % PastSubjects.Length], calendar.Today.AddDays(-10));
            if (past is not null)
                HandIn(past, 0.88, returnedShare: 1);
            var coming = Devoir(audience, ComingSubjects[i % ComingSubjects.Length], calendar.NextMonday.AddDays(2));
            if (coming is not null)
                HandIn(coming, 0.3, returnedShare: 0);
            if (
                world.TeachingsOf(audience).FirstOrDefault(t => t.Subject == "MATHS" && t.TeacherId == claireId) is
                { } claire
            )
            {
                if (Devoir(audience, "MATHS", calendar.Today.AddDays(-5), claire) is { } marking)
                    HandIn(marking, 0.8, returnedShare: 0.6);
                // The devoir the demo has always had in each of her classes, due at the end of this week.
                _assignments.Add(
                    new Assignment
                    {
                        SchoolId = audience.SchoolId,
                        SchoolClassId = audience.ClassId,
                        SubjectId = claire.SubjectId,
                        TeacherId = claireId,
                        Title = "Problèmes de proportionnalité",
                        Instructions =
                            "Résolvez les exercices 3 à 6 page 84. Rendez une copie scannée ou photographiée (PDF ou "
                            + "image).",
                        DueAt = DemoWorld.Utc(calendar.Today.AddDays(4), new TimeOnly(18, 0)),
                        AcceptsLate = true,
                        CreatedAt = world.Now,
                    }
                );
            }
        }
    }

    /// <summary>
    /// A devoir of the subject set to the class at a lesson, due at 18:00 on the school day nearest
    /// <paramref name="around"/>.
    /// </summary>
    private Assignment? Devoir(
        DemoWorld.Audience audience,
        string subject,
        DateOnly around,
        DemoWorld.Teaching? teaching = null
    )
    {
        teaching ??= world.TeachingsOf(audience).FirstOrDefault(t => t.Subject == subject);
        if (teaching is null)
            return null;
        var due = Enumerable
            .Range(0, 10)
            .SelectMany(d => new[] { around.AddDays(d), around.AddDays(-d) })
            .FirstOrDefault(world.Calendar.IsSchoolDay);
        if (due == default)
            return null;
        var topics = DemoCurriculum.Topics(subject, audience.Level);
        var topic = topics[Math.Min(topics.Length - 1, due < world.Calendar.Today ? 1 : 2)];
        var (title, instructions) = subject switch
        {
            "FRAN" => (
                $"Rédaction : {topic}",
                "Rédigez un texte d'une page en respectant la consigne du sujet joint. Soignez l'orthographe et "
                    + "relisez-vous."
            ),
            "HG" => (
                $"Étude de documents : {topic}",
                "Répondez aux questions du sujet joint en citant les documents. Rendez votre copie en PDF ou en photo "
                    + "lisible."
            ),
            "SVT" or "PC" => (
                $"Compte rendu d'expérience : {topic}",
                "Rédigez le compte rendu : hypothèse, protocole, résultats (tableau ou graphique) et conclusion."
            ),
            "ANG" => (
                $"Writing: {topic}",
                "Write about 120 words. Use the vocabulary of the unit and check your tenses."
            ),
            _ => (
                $"Devoir maison : {topic}",
                "Exercices du sujet joint. Rédigez chaque réponse en justifiant vos calculs."
            ),
        };
        var created = DemoWorld.Utc(due.AddDays(-9), new TimeOnly(17, 0));
        var assignment = new Assignment
        {
            SchoolId = audience.SchoolId,
            SchoolClassId = audience.ClassId,
            SubjectId = teaching.SubjectId,
            TeacherId = teaching.TeacherId,
            Title = title,
            Instructions = instructions,
            DueAt = DemoWorld.Utc(due, new TimeOnly(18, 0)),
            AcceptsLate = random.Next(4) > 0,
            CreatedAt = created < world.Now ? created : world.Now.AddDays(-1),
        };
        assignment.Files.Add(
            new AssignmentFile
            {
                File = files.Pdf(
                    audience.SchoolId,
                    teaching.TeacherId,
                    $"Sujet - {DemoFiles.FileName(title)}.pdf",
                    assignment.CreatedAt,
                    title,
                    $"Classe : {audience.Name} · {teaching.SubjectName}",
                    "",
                    instructions,
                    "",
                    "Barème indicatif : fond 12 points, forme 8 points."
                ),
            }
        );
        _assignments.Add(assignment);
        return assignment;
    }

    /// <summary>
    /// Copies handed in by a share of the class (before the deadline, or late when accepted), a share of them returned.
    /// </summary>
    private void HandIn(Assignment assignment, double share, double returnedShare)
    {
        var audience = world.Classes.First(c => c.ClassId == assignment.SchoolClassId);
        var set = assignment.CreatedAt;
        foreach (var student in audience.Students)
        {
            if (random.NextDouble() > share)
                continue;
            var late = assignment.AcceptsLate && random.NextDouble() < 0.1;
            var at = late
                ? assignment.DueAt.AddHours(2 + random.Next(40))
                : set + (assignment.DueAt - set) * (0.4 + 0.6 * random.NextDouble());
            if (at > world.Now)
                continue; // not yet
            var person = world.People[student];
            var copy = files.Pdf(
                assignment.SchoolId,
                student,
                $"Copie {DemoFiles.FileName(person.Name)}.pdf",
                at,
                assignment.Title,
                $"{person.Name} · {audience.Name}",
                "",
                "Réponses rédigées à la maison.",
                "1. ...",
                "2. ...",
                "3. ..."
            );
            _submissions.Add(
                new Submission
                {
                    Assignment = assignment,
                    StudentId = student,
                    Number = 1,
                    SubmittedAt = at,
                    Late = at > assignment.DueAt,
                    Files = [new SubmissionFile { File = copy }],
                }
            );
            var returnedAt = assignment.DueAt.AddDays(3 + random.Next(4));
            if (random.NextDouble() >= returnedShare || returnedAt > world.Now)
                continue;
            var annotated =
                random.NextDouble() < 0.3
                    ? files.Pdf(
                        assignment.SchoolId,
                        assignment.TeacherId,
                        $"Copie corrigée {DemoFiles.FileName(person.Name)}.pdf",
                        returnedAt,
                        "Copie corrigée",
                        person.Name,
                        "",
                        "Annotations du professeur en marge."
                    )
                    : null;
            _returns.Add(
                (
                    assignment,
                    student,
                    DemoCurriculum.Pick(Comments, random),
                    annotated,
                    returnedAt,
                    assignment.TeacherId
                )
            );
        }
    }

    private static readonly string[] Comments =
    [
        "Très bon travail, rédaction soignée. Continuez ainsi !",
        "Bonne compréhension du sujet ; attention à l'orthographe.",
        "Travail sérieux mais incomplet : reprenez la dernière question.",
        "Des efforts, mais la méthode n'est pas encore acquise. Venez me voir en fin de cours.",
        "Bien argumenté, quelques maladresses d'expression.",
        "Copie claire et bien organisée.",
        "Relisez la consigne : une partie du sujet n'est pas traitée.",
    ];

    /// <summary>The returns, once the devoirs are saved (a return names its devoir by id).</summary>
    public IEnumerable<SubmissionReturn> Returns() =>
        _returns.Select(r => new SubmissionReturn
        {
            AssignmentId = r.Assignment.Id,
            StudentId = r.StudentId,
            Comment = r.Comment,
            File = r.File,
            ReturnedAt = r.At,
            ReturnedById = r.TeacherId,
        });
}

/// <summary>Order 90: the last to draw the demo's files (after Documents and Memos).</summary>
internal sealed class AssignmentsDemoStep : IDemoStep
{
    public int Order => 90;

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var db = demo.Db;
        var assignments = new AssignmentsDemo(demo.World, demo.Files, new Random(8));
        assignments.Build(demo.Running(EntService.Documents), demo.Claire);
        await demo.Files.SaveAsync(db, ct);
        db.AddRange(assignments.Assignments);
        await db.SaveChangesAsync(ct);
        await DemoBulk.InsertAsync(db, assignments.Submissions, ct);
        await DemoBulk.InsertAsync(db, assignments.SubmissionFiles(), ct);
        await DemoBulk.InsertAsync(db, assignments.Returns(), ct);
    }
}
