using Enoe.Data.Demo;
using Enoe.Data.Schools;

namespace Enoe.Data.Documents;

/// <summary>
/// Documents: each class's space holds a folder per subject with a course sheet from its teacher;
/// LV2 and spécialité groups get their vocabulary or method sheet; the demo teacher keeps her own
/// folders (one sheet shared with her class, one in the trash); the named students have notes of their own.
/// </summary>
internal sealed class DocumentsDemo(DemoWorld world, DemoFiles files, Random random)
{
    private readonly List<(DocumentSpace Space, Folder? Folder, Document Document)> _documents = [];
    private readonly List<(DocumentSpace Space, Folder Folder)> _folders = [];

    public List<DocumentSpace> Spaces { get; } = [];

    public void Build(IReadOnlySet<int> schools, int claireId, int lucasId, int emmaId)
    {
        foreach (var audience in world.Classes.Concat(world.Groups).Where(a => schools.Contains(a.SchoolId)))
        {
            var space = new DocumentSpace
            {
                SchoolId = audience.SchoolId,
                SchoolClassId = audience.ClassId,
                TeachingGroupId = audience.GroupId,
            };
            Spaces.Add(space);
            var teachings = world.TeachingsOf(audience).ToList();
            foreach (
                var teaching in audience.ClassId is null
                    ? teachings
                    : teachings.Where(t => t.Subject is "FRAN" or "MATHS" or "HG" or "PHILO")
            )
            {
                var topic = DemoCurriculum.Topics(teaching.Subject, audience.Level)[0];
                var folder = audience.ClassId is null ? null : Folder(space, teaching.SubjectName);
                var kind = audience.ClassId is null ? "Fiche de vocabulaire et de méthode" : "Fiche de cours";
                Add(
                    space,
                    folder,
                    teaching.TeacherId,
                    $"{kind} - {DemoFiles.FileName(topic)}.pdf",
                    kind,
                    topic,
                    $"{audience.Name} · {teaching.SubjectName}"
                );
            }
        }

        // The demo teacher's own space, in her first établissement.
        var hugo = world.School("college-victor-hugo");
        if (schools.Contains(hugo.Id))
            ClaireSpace(hugo, claireId);

        // The named students' notes of their own.
        foreach (
            var (student, name, text) in new[]
            {
                (
                    lucasId,
                    "Exposé - plan et sources.txt",
                    "Exposé d'histoire : la révolution industrielle\n\n1. Le charbon et la machine à vapeur\n"
                        + "2. Les usines et les ouvriers\n3. Le train change la vie\n\nSources : manuel p. 120-131, "
                        + "Lumni, encyclopédie du CDI.\n"
                ),
                (
                    emmaId,
                    "Fiche de révision - vecteurs.txt",
                    "Vecteurs\n\n- Relation de Chasles : AB + BC = AC\n- Colinéarité : det(u, v) = 0\n- Milieu I de "
                        + "[AB] : IA + IB = 0\n"
                ),
            }
        )
        {
            var school = world.Memberships.First(m => m.PersonId == student).SchoolId;
            if (!schools.Contains(school))
                continue;
            var mine = new DocumentSpace { SchoolId = school, OwnerId = student };
            Spaces.Add(mine);
            var at = world.Now.AddDays(-3 - random.Next(10));
            _documents.Add(
                (
                    mine,
                    null,
                    new Document
                    {
                        Space = mine,
                        File = files.Text(school, student, name, at, text),
                        AddedById = student,
                        AddedAt = at,
                    }
                )
            );
        }
    }

    /// <summary>The demo teacher's folders: one sheet shared with her class, one in the trash.</summary>
    private void ClaireSpace(DemoWorld.SchoolInfo hugo, int claireId)
    {
        var own = new DocumentSpace { SchoolId = hugo.Id, OwnerId = claireId };
        Spaces.Add(own);
        var lessons = Folder(own, "Cours de 4e");
        var tests = Folder(own, "Évaluations");
        Add(
            own,
            lessons,
            claireId,
            "Progression de l'année - 4e.pdf",
            "Progression de l'année",
            "Mathématiques, 4e",
            "Période 1 : nombres relatifs, fractions",
            "Période 2 : puissances, calcul littéral",
            "Période 3 : proportionnalité, statistiques"
        );
        var shared = Add(
            own,
            lessons,
            claireId,
            "Exercices - fractions.pdf",
            "Exercices sur les fractions",
            "4e",
            "1. Calculer 2/3 + 5/6.",
            "2. Calculer 7/4 × 8/21."
        );
        shared.Shares.Add(
            new DocumentShare
            {
                SchoolClassId = world.Class(hugo.Slug, "4eA").ClassId,
                SharedAt = shared.AddedAt.AddMinutes(2),
            }
        );
        const string test = "Contrôle : nombres relatifs";
        Add(own, tests, claireId, "Contrôle - nombres relatifs (sujet).pdf", test, "Sujet, 4e, 50 minutes");
        Add(own, tests, claireId, "Contrôle - nombres relatifs (corrigé).pdf", test, "Corrigé et barème");
        var old = Add(own, null, claireId, "Brouillon - ancienne progression.pdf", "Ancienne progression", "À jeter");
        old.DeletedAt = old.AddedAt.AddDays(1);
    }

    private Folder Folder(DocumentSpace space, string name)
    {
        var folder = new Folder { Name = name, CreatedAt = world.Now.AddDays(-60) };
        _folders.Add((space, folder));
        return folder;
    }

    private Document Add(
        DocumentSpace space,
        Folder? folder,
        int teacherId,
        string name,
        string title,
        params string[] lines
    )
    {
        var at = world.Now.AddDays(-2 - random.Next(26)).AddMinutes(-random.Next(600));
        var document = new Document
        {
            Space = space,
            File = files.Pdf(space.SchoolId, teacherId, name, at, title, lines),
            AddedById = teacherId,
            AddedAt = at,
        };
        _documents.Add((space, folder, document));
        return document;
    }

    /// <summary>Once the spaces are saved: their folders.</summary>
    public IEnumerable<Folder> Folders()
    {
        foreach (var (space, folder) in _folders)
            folder.SpaceId = space.Id;
        return _folders.Select(f => f.Folder);
    }

    /// <summary>Once the folders are saved: the documents in them.</summary>
    public IEnumerable<Document> Documents()
    {
        foreach (var (_, folder, document) in _documents)
            document.FolderId = folder?.Id;
        return _documents.Select(d => d.Document);
    }
}

/// <summary>Order 70: the first to draw the demo's files (then Memos, Assignments: the same files every run).</summary>
internal sealed class DocumentsDemoStep : IDemoStep
{
    public int Order => 70;

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var db = demo.Db;
        var documents = new DocumentsDemo(demo.World, demo.Files, new Random(3));
        documents.Build(demo.Running(EntService.Documents), demo.Claire, demo.Lucas, demo.Emma);
        db.AddRange(documents.Spaces);
        await db.SaveChangesAsync(ct);
        await demo.Files.SaveAsync(db, ct);
        db.AddRange(documents.Folders());
        await db.SaveChangesAsync(ct);
        db.AddRange(documents.Documents());
        await db.SaveChangesAsync(ct);
    }
}
