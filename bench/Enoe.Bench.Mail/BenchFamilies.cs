using Enoe.Bench.SchoolLife;
using Enoe.Data;
using Enoe.Data.Database;
using Enoe.Data.Mail;
using Enoe.Data.Notifications;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Enoe.Bench.Mail;

/// <summary>
/// Families in a migrated SQLite database: parents with one or two children (a third of them two, in another class),
/// each child's day of notifications (homework and marks) to every parent and to the child; a fake clock.
/// </summary>
internal sealed class BenchFamilies : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = System.IO.Directory.CreateTempSubdirectory("enoe-bench-mail-");
    public Counter Counter { get; } = new();
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    public ServiceProvider Services { get; private set; } = default!;
    public int Parents { get; private set; }
    public int Children { get; private set; }
    public int Notifications { get; private set; }

    public static async Task<BenchFamilies> CreateAsync(int parents, int schools)
    {
        var bench = new BenchFamilies();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IInterceptor>(bench.Counter);
        services.AddSingleton<TimeProvider>(bench.Clock);
        services.AddEnoeData(bench._folder.FullName);
        services.Configure<MailOptions>(o =>
        {
            o.Host = "127.0.0.1"; // never reached: the bench queues, it does not send
            o.FromAddress = "ne-pas-repondre@ent.test";
            o.PublicUrl = "https://ent.test/";
        });
        bench.Services = services.BuildServiceProvider();
        await bench.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false);
        await bench.FillAsync(parents, schools);
        return bench;
    }

    private async Task FillAsync(int parents, int schoolCount)
    {
        var academy = new Academy { Name = "Académie du banc d'essai" };
        var schools = Enumerable
            .Range(0, schoolCount)
            .Select(i => new School
            {
                Academy = academy,
                Slug = $"college-{i}",
                Name = $"Collège {i}",
                Uai = Uai.Create($"025{i:0000}"),
                Kind = SchoolKind.College,
            })
            .ToList();
        var classes = schools
            .SelectMany(s =>
                Enumerable
                    .Range(0, 16)
                    .Select(c => new SchoolClass
                    {
                        School = s,
                        LevelId = 1 + c % 4,
                        Name = $"{6 - c % 4}e{(char)('A' + c / 4)}",
                    })
            )
            .ToList();
        await using (var db = Context())
        {
            db.AddRange(classes);
            await db.SaveChangesAsync();
        }
        var families = new List<(int Parent, int School, List<(int Child, int Class)> Children)>();
        for (var start = 0; start < parents; start += 1_000)
        {
            await using var db = Context();
            var batch = new List<(Person Parent, School School, List<(Person Child, SchoolClass Class)> Children)>();
            for (var i = start; i < Math.Min(parents, start + 1_000); i++)
            {
                var schoolClass = classes[i % classes.Count];
                var school = schoolClass.School!;
                var kids = new List<(Person, SchoolClass)>
                {
                    (NewPerson($"enfant{i}", school, Profile.Student), schoolClass),
                };
                if (i % 3 == 0)
                    kids.Add((NewPerson($"cadet{i}", school, Profile.Student), classes[(i + 1) % classes.Count]));
                batch.Add((NewPerson($"parent{i}", school, Profile.Parent), school, kids));
            }
            foreach (var (parent, school, kids) in batch)
            {
                db.Add(parent);
                foreach (var (kid, schoolClass) in kids)
                {
                    db.Enrolments.Add(new Enrolment { Student = kid, SchoolClassId = schoolClass.Id });
                    db.Guardianships.Add(new Guardianship { Parent = parent, Student = kid });
                }
            }
            await db.SaveChangesAsync();
            families.AddRange(
                batch.Select(f => (f.Parent.Id, f.School.Id, f.Children.Select(k => (k.Child.Id, k.Class.Id)).ToList()))
            );
        }
        Parents = families.Count;
        Children = families.Sum(f => f.Children.Count);
        await NotifyAsync(families);
    }

    /// <summary>
    /// Per child: 3 homework and 2 marks, each to the parent and to the child (as the services write them).
    /// </summary>
    private async Task NotifyAsync(List<(int Parent, int School, List<(int Child, int Class)> Children)> families)
    {
        var visible = Clock.GetUtcNow().UtcDateTime;
        var items = new List<NewNotification>();
        foreach (var (parent, school, children) in families)
        foreach (var (child, _) in children)
        foreach (var recipient in new[] { parent, child })
        {
            for (var h = 0; h < 3; h++)
                items.Add(
                    new(
                        recipient,
                        school,
                        child,
                        NotificationKind.HomeworkSet,
                        $"Exercices {h} <p. 12>",
                        $"/cahier/{h}",
                        $"logbook:{child}:{h}",
                        visible
                    )
                );
            for (var m = 0; m < 2; m++)
                items.Add(
                    new(
                        recipient,
                        school,
                        child,
                        NotificationKind.MarksPublished,
                        $"Contrôle {m}",
                        $"/notes/{m}",
                        $"grades:{child}:{m}",
                        visible
                    )
                );
        }
        await using var db = Context();
        foreach (var slice in items.Chunk(10_000))
            await NotificationService.WriteAsync(db, slice, visible, default);
        Notifications = items.Count;
    }

    private static Person NewPerson(string name, School school, Profile profile)
    {
        var person = new Person
        {
            FirstName = char.ToUpperInvariant(name[0]) + name[1..],
            LastName = "Banc",
            UserName = name,
            NormalizedUserName = name.ToUpperInvariant(),
            Email = $"{name}@famille.test",
        };
        person.Memberships.Add(new Membership { SchoolId = school.Id, Profiles = profile });
        return person;
    }

    private EnoeDbContext Context() =>
        Services.GetRequiredService<IDbContextFactory<EnoeDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
