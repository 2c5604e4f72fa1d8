using System.Diagnostics;
using Enoe.Data;
using Enoe.Data.Assignments;
using Enoe.Data.Bookings;
using Enoe.Data.Common;
using Enoe.Data.Dashboards;
using Enoe.Data.Database;
using Enoe.Data.DigitalResources;
using Enoe.Data.Grades;
using Enoe.Data.Logbook;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.PublicSite;
using Enoe.Data.SchoolNetwork;
using Enoe.Data.Skills;
using Enoe.Widgets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Enoe.Bench.Database;

/// <summary>The demo académie on one database, and the three operations measured on it.</summary>
internal sealed class Workload : IAsyncDisposable
{
    private const string RoomName = "Salle informatique B12";

    /// <summary>
    /// A Tuesday in term (10:00 in Paris), stopped: the demo is seeded around it, so every run measures the same data,
    /// and the races' slots lie in weeks the demo books nothing in.
    /// </summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 17, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly ServiceProvider _services;
    private readonly DirectoryInfo _folder;
    private CurrentUser _student = default!,
        _principal = default!,
        _teacher = default!;
    private int _room;

    private Workload(DatabaseSettings database)
    {
        _folder = Directory.CreateTempSubdirectory("enoe-bench-db-");
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_clock);
        services.AddEnoeData(_folder.FullName, database);
        services.AddEnoeWidgets(); // the widget catalogue the dashboard's layout is checked against
        _services = services.BuildServiceProvider();
    }

    public static async Task<Workload> StartAsync(DatabaseSettings database, int parents)
    {
        var run = new Workload(database);
        await run.Get<DatabaseInitializer>().InitializeAsync(seedDemo: true);
        await run.PrepareAsync(parents);
        return run;
    }

    private T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Parents up to <paramref name="parents"/> at the Collège Victor Hugo, and who does what.</summary>
    private async Task PrepareAsync(int parents)
    {
        await using var db = await Get<IDbContextFactory<EnoeDbContext>>().CreateDbContextAsync();
        var school = await db.Schools.Where(s => s.Slug == "college-victor-hugo").Select(s => s.Id).SingleAsync();
        int Id(string userName) => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).Single();
        _student = new CurrentUser(Id("lucas.martin"), "Lucas Martin", school, Profile.Student);
        _principal = new CurrentUser(Id("helene.carpentier"), "Hélène Carpentier", school, Profile.Staff);
        _teacher = new CurrentUser(Id("claire.fontaine"), "Claire Fontaine", school, Profile.Teacher);
        _room = await db.Set<BookableResource>()
            .Where(r => r.SchoolId == school && r.Name == RoomName)
            .Select(r => r.Id)
            .SingleAsync();
        var existing = await db.Memberships.CountAsync(m => m.SchoolId == school && (m.Profiles & Profile.Parent) != 0);
        for (var i = existing; i < parents; i++)
        {
            var parent = new Person
            {
                FirstName = "Parent",
                LastName = $"Banc{i:0000}",
                UserName = $"bench.parent{i}",
                NormalizedUserName = $"BENCH.PARENT{i}",
            };
            parent.Memberships.Add(new Membership { SchoolId = school, Profiles = Profile.Parent });
            db.Add(parent);
        }
        await db.SaveChangesAsync();
    }

    public async Task<Dictionary<string, List<double>>> MeasureAsync(int rounds)
    {
        var times = new Dictionary<string, List<double>>
        {
            ["dashboard (8 widgets' data)"] = [],
            ["mémo to 1,200 parents"] = [],
            ["200 concurrent bookings, 1 room"] = [],
        };
        await DashboardAsync(); // warm-up, not measured: connections, compiled queries
        await SendAsync(0);
        await BookingRaceAsync(0);
        for (var round = 1; round <= rounds; round++)
        {
            times["dashboard (8 widgets' data)"].Add(await Timed(DashboardAsync));
            times["mémo to 1,200 parents"].Add(await Timed(() => SendAsync(round)));
            times["200 concurrent bookings, 1 room"].Add(await Timed(() => BookingRaceAsync(round)));
        }
        return times;
    }

    private static async Task<double> Timed(Func<Task> operation)
    {
        var watch = Stopwatch.StartNew();
        await operation();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// What a student's dashboard loads: its layout, then its 8 widgets together, as the page does (each widget loads
    /// in its own lifecycle, see each one's LoadAsync; each service call opens its own DbContext).
    /// </summary>
    private async Task DashboardAsync()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(SchoolTime.ToLocal(now));
        await Get<LayoutService>().GetAsync(_student);
        var logbook = Get<LogbookService>();
        async Task LogbookWidgetAsync()
        {
            await logbook.ReaderAudiencesAsync(_student, null);
            await logbook.ListAsync(_student, today, today, studentId: null);
            await logbook.ListAsync(_student, today, today.AddDays(7), studentId: null, byDueDate: true);
        }
        await Task.WhenAll(
            Get<AssignmentService>().ListForLearnerAsync(_student, null, now.AddDays(-7)),
            Get<GradeService>().LatestAsync(_student, null, take: 6),
            LogbookWidgetAsync(),
            Get<MemoService>().UnreadAsync(_student, take: 6),
            Get<DigitalResourceService>().ListForAsync(_student),
            Get<SchoolNetworkService>().GetAsync(_student, null, null, take: 9),
            Get<SkillService>().ProgressAsync(_student),
            Get<ArticleService>().GetPublishedAsync(_student.SchoolId!.Value, ArticleKind.News, take: 3)
        );
    }

    private async Task SendAsync(int n)
    {
        var sent = await Get<MemoService>()
            .SendAsync(
                _principal,
                new MemoDraft
                {
                    To = [new MemoAddress(AudienceKind.Profile, (int)Profile.Parent, "Tous les parents")],
                    Subject = $"Information n° {n}",
                    Body = "Le conseil d'administration se réunira jeudi à 18 h.",
                },
                []
            );
        if (!sent.Succeeded)
            throw new InvalidOperationException(string.Join(" ", sent.Errors));
        await Get<MemoService>().WhenDeliveredAsync(); // the copies and notifications, written after the send
    }

    /// <summary>
    /// 200 teachers' clicks on one free slot at once: exactly one booking may come out of it, and every other click
    /// must be told the slot is taken (not that the service is busy, nor anything else).
    /// </summary>
    private async Task BookingRaceAsync(int round)
    {
        // Weekdays from the Monday two weeks after the clock's, one slot per round: past the demo's bookings.
        var today = DateOnly.FromDateTime(SchoolTime.ToLocal(_clock.GetUtcNow().UtcDateTime));
        var monday = today.AddDays(14 - ((int)today.DayOfWeek + 6) % 7);
        var date = monday.AddDays(7 * (round / 5) + round % 5);
        var request = new BookingRequest(_room, date, new(16, 0), new(17, 0), 1, "Banc d'essai");
        var bookings = Get<BookingService>();
        var results = await Task.WhenAll(
            Enumerable.Range(0, 200).Select(_ => Task.Run(() => bookings.BookAsync(_teacher, request)))
        );
        var taken = BookingMessages.Book_Taken.Replace("{resource}", RoomName);
        var wins = results.Count(r => r.Succeeded);
        var otherRefusals = results
            .Where(r => !r.Succeeded && !(r.Errors is [var error] && error == taken))
            .Select(r => string.Join(" ", r.Errors))
            .Distinct()
            .ToList();
        if (wins != 1 || otherRefusals.Count > 0)
            throw new InvalidOperationException(
                $"Booking race {round}: {wins} booking(s) of one slot; other refusals than the slot being taken: "
                    + string.Join(" | ", otherRefusals)
            );
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
