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
internal sealed partial class MemosDemo(DemoWorld world, DemoFiles files, Random random)
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
