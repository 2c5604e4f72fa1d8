using Enoe.Data;
using Enoe.Data.Dashboards;
using Enoe.Data.Database;
using Enoe.Data.Demo;
using Enoe.Data.Notifications;
using Enoe.Data.People;
using Enoe.Widgets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Bench.Circuits;

/// <summary>
/// Who the bench signs in as: the students whose dashboards it opens, and the CPE who writes to them all.
/// </summary>
internal sealed record Cast(IReadOnlyList<string> Students, string Sender, int TargetProfile, string AudienceLabel)
{
    /// <summary>Who writes the carnet entry or sets the devoir, or decides the booking (<c>--event</c>).</summary>
    public string? EventSender { get; init; }

    /// <summary>Whose booking is decided (<c>--event=booking</c>).</summary>
    public string? Booker { get; init; }
}

/// <summary>
/// Before any instance starts: migrates and seeds the demo académie once, through the data layer (the app then finds
/// a seeded database and seeds nothing), and brings each chosen student's dashboard to 8 widgets as the person would
/// (LayoutService, the same rules the dashboard's "add a widget" applies).
/// </summary>
internal static class DemoPreparation
{
    public const int DashboardWidgets = 8;
    private const string School = "college-victor-hugo";

    /// <summary>
    /// The CPE writes to everyone of the établissement (MemoRules) and signs in with a password alone (the
    /// direction and the admins also give a second factor).
    /// </summary>
    private const string Sender = "julien.roussel";

    public static async Task<Cast> PrepareAsync(
        string dataDirectory,
        DatabaseSettings database,
        int students,
        LiveEvent live = LiveEvent.Memo,
        int events = 0
    )
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddEnoeData(dataDirectory, database);
        services.AddEnoeWidgets(); // the widget catalogue the layout is checked against
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: true);

        var dbFactory = provider.GetRequiredService<IDbContextFactory<EnoeDbContext>>();
        List<(int Id, string UserName, string Name)> chosen;
        int schoolId;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            schoolId = await db.Schools.Where(s => s.Slug == School).Select(s => s.Id).SingleAsync();
            await EnrolMoreStudentsAsync(db, schoolId, students);
            await LiftQuietWindowAsync(db, schoolId);
            var rows = await db
                .Memberships.Where(m =>
                    m.SchoolId == schoolId && (m.Profiles & Profile.Student) != 0 && m.Person!.DisabledAt == null
                )
                .OrderBy(m => m.PersonId)
                .Select(m => new
                {
                    m.PersonId,
                    m.Person!.UserName,
                    m.Person.FirstName,
                    m.Person.LastName,
                })
                .Take(students)
                .ToListAsync();
            chosen = [.. rows.Select(r => (r.PersonId, r.UserName!, $"{r.FirstName} {r.LastName}"))];
        }
        if (chosen.Count == 0)
            throw new InvalidOperationException($"The demo has no student at {School}.");

        var layouts = provider.GetRequiredService<LayoutService>();
        var studentWidgets = provider
            .GetRequiredService<IWidgetRules>()
            .All.Where(r => r.Profiles.HasAny(Profile.Student))
            .Select(r => r.Key)
            .ToList();
        var required = EventPreparation.StudentWidget(live);
        foreach (var (id, _, name) in chosen)
            await FillDashboardAsync(
                layouts,
                new CurrentUser(id, name, schoolId, Profile.Student),
                studentWidgets,
                required
            );
        var cast = new Cast(
            [.. chosen.Select(c => c.UserName)],
            Sender,
            (int)Profile.Student,
            Enoe.Data.Memos.MemoMessages.Audience_AllStudents
        );
        if (live is LiveEvent.Carnet or LiveEvent.Devoir)
            return cast with
            {
                EventSender = await EventPreparation.GatherClassAsync(
                    provider,
                    schoolId,
                    [.. chosen.Select(c => c.Id)]
                ),
            };
        if (live != LiveEvent.Booking)
            return cast;
        var teacherWidgets = provider
            .GetRequiredService<IWidgetRules>()
            .All.Where(r => r.Profiles.HasAny(Profile.Teacher))
            .Select(r => r.Key)
            .ToList();
        var (manager, booker) = await EventPreparation.PendingBookingsAsync(
            provider,
            schoolId,
            events,
            teacher => FillDashboardAsync(layouts, teacher, teacherWidgets, "my-bookings")
        );
        return cast with { EventSender = manager, Booker = booker };
    }

    /// <summary>
    /// The collège's quiet window lifted from yesterday to tomorrow, as a school lifts it for an exam or a trip:
    /// otherwise a bench run after 20:00 or at a weekend measures mémos held until the morning, which no tab hears.
    /// </summary>
    private static async Task LiftQuietWindowAsync(EnoeDbContext db, int schoolId)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        db.Add(
            new QuietException
            {
                SchoolId = schoolId,
                From = today.AddDays(-1),
                To = today.AddDays(1),
                Label = "Banc de mesure",
            }
        );
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A bench of 2,000 tabs is 2,000 recipients: when the collège has fewer students than asked for, more join its
    /// classes (named "Banc", with the demo's password hash: the demo's students share one), as a bigger collège's
    /// directory sync would have enrolled them.
    /// </summary>
    private static async Task EnrolMoreStudentsAsync(EnoeDbContext db, int schoolId, int wanted)
    {
        var present = await db.Memberships.CountAsync(m =>
            m.SchoolId == schoolId && (m.Profiles & Profile.Student) != 0 && m.Person!.DisabledAt == null
        );
        if (present >= wanted)
            return;
        var classes = await db.Classes.Where(c => c.SchoolId == schoolId).Select(c => c.Id).ToListAsync();
        var passwordHash = await db
            .Memberships.Where(m => m.SchoolId == schoolId && (m.Profiles & Profile.Student) != 0)
            .Select(m => m.Person!.PasswordHash)
            .FirstAsync();
        var now = DateTime.UtcNow;
        for (var n = 1; n <= wanted - present; n++)
        {
            var student = new Person
            {
                FirstName = "Élève",
                LastName = $"Banc {n}",
                UserName = $"banc.eleve{n}",
                NormalizedUserName = $"BANC.ELEVE{n}",
                PasswordHash = passwordHash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                CreatedAt = now,
            };
            student.Memberships.Add(new Membership { SchoolId = schoolId, Profiles = Profile.Student });
            db.Add(student);
            db.Add(new Enoe.Data.Structure.Enrolment { Student = student, SchoolClassId = classes[n % classes.Count] });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The <paramref name="required"/> widget, then widgets the person has not placed yet, then second copies (one
    /// may be placed twice, with other settings), until the first tab holds <see cref="DashboardWidgets"/>.
    /// </summary>
    private static async Task FillDashboardAsync(
        LayoutService layouts,
        CurrentUser student,
        List<string> keys,
        string? required
    )
    {
        var tab = (await layouts.GetAsync(student))[0];
        if (required is not null && tab.Placements.All(p => p.WidgetKey != required))
            tab =
                (await layouts.AddWidgetAsync(student, tab.Id, required)).Value
                ?? throw new InvalidOperationException($"{student.DisplayName} may not place {required}.");
        var order = keys.Where(k => tab.Placements.All(p => p.WidgetKey != k)).Concat(keys).ToList();
        foreach (var key in order)
        {
            if (tab.Placements.Count >= DashboardWidgets)
                break;
            var added = await layouts.AddWidgetAsync(student, tab.Id, key);
            if (added.Succeeded)
                tab = added.Value!;
        }
        if (tab.Placements.Count < DashboardWidgets)
            throw new InvalidOperationException(
                $"{student.DisplayName}'s dashboard holds {tab.Placements.Count} widgets, not {DashboardWidgets}."
            );
        if (tab.Placements.Count > DashboardWidgets)
            foreach (var extra in tab.Placements.Where(p => p.WidgetKey != required).Reverse().ToList())
                if (tab.Placements.Count > DashboardWidgets)
                    tab = (await layouts.RemoveAsync(student, extra.Id)).Value!;
    }
}
