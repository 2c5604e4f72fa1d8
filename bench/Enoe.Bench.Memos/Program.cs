// Mémo fan-out benchmark: the server time and database round trips of sending one mémo to every
// parent of an établissement (1,000+ recipients), on the real SQLite file the app uses.
//
// Seeds the demo académie in a temporary folder, brings the Collège Victor Hugo up to the parents
// of a large collège (synthetic accounts on top of the demo's), then has its principal send to
// "Tous les parents" several times and prints the median and worst time and the commands sent.
//
//   dotnet run --project bench/Enoe.Bench.Memos -c Release -- [parents=1200] [sends=15]
using System.Data.Common;
using System.Diagnostics;
using Enoe.Data;
using Enoe.Data.Database;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

var parents = args.Length > 0 ? int.Parse(args[0]) : 1200;
var sends = args.Length > 1 ? int.Parse(args[1]) : 15;
var folder = Directory.CreateTempSubdirectory("enoe-bench-memos-");
var counter = new CommandCounter();
var services = new ServiceCollection()
    .AddLogging()
    .AddSingleton<IInterceptor>(counter)
    .AddEnoeData(folder.FullName)
    .BuildServiceProvider();
try
{
    await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: true);
    var factory = services.GetRequiredService<IDbContextFactory<EnoeDbContext>>();
    int schoolId,
        principalId;
    await using (var db = await factory.CreateDbContextAsync())
    {
        var school = await db.Schools.SingleAsync(s => s.Slug == "college-victor-hugo");
        schoolId = school.Id;
        principalId = await db.Users.Where(u => u.UserName == "helene.carpentier").Select(u => u.Id).SingleAsync();
        var existing = await db.Memberships.CountAsync(m =>
            m.SchoolId == schoolId && (m.Profiles & Profile.Parent) != 0
        );
        for (var i = existing; i < parents; i++)
        {
            var parent = new Person
            {
                FirstName = "Parent",
                LastName = $"Banc{i:0000}",
                UserName = $"bench.parent{i}",
                NormalizedUserName = $"BENCH.PARENT{i}",
            };
            parent.Memberships.Add(new Membership { SchoolId = schoolId, Profiles = Profile.Parent });
            db.Add(parent);
        }
        await db.SaveChangesAsync();
        parents = await db.Memberships.CountAsync(m => m.SchoolId == schoolId && (m.Profiles & Profile.Parent) != 0);
    }

    var memos = services.GetRequiredService<MemoService>();
    var principal = new CurrentUser(principalId, "Hélène Carpentier", schoolId, Profile.Staff);
    MemoDraft Draft(int n) =>
        new()
        {
            To = [new MemoAddress(AudienceKind.Profile, (int)Profile.Parent, "Tous les parents")],
            Subject = $"Information n° {n}",
            Body = "Le conseil d'administration se réunira jeudi à 18 h. Les représentants des parents y sont conviés.",
        };
    var warmUp = await memos.SendAsync(principal, Draft(0), []);
    if (!warmUp.Succeeded)
        throw new InvalidOperationException(string.Join(" ", warmUp.Errors));

    var times = new List<double>();
    var commands = new List<int>();
    for (var n = 1; n <= sends; n++)
    {
        counter.Reset();
        var watch = Stopwatch.StartNew();
        var sent = await memos.SendAsync(principal, Draft(n), []);
        watch.Stop();
        if (!sent.Succeeded)
            throw new InvalidOperationException(string.Join(" ", sent.Errors));
        times.Add(watch.Elapsed.TotalMilliseconds);
        commands.Add(counter.Count);
    }
    await using (var db = await factory.CreateDbContextAsync())
    {
        var copies = await db.Set<MemoRecipient>().CountAsync(r => r.Memo!.Subject == "Information n° 1");
        times.Sort();
        Console.WriteLine(
            $"Send one mémo to every parent of the établissement ({copies} recipients, SQLite file, Release):"
        );
        Console.WriteLine(
            $"  server time: median {times[times.Count / 2]:0.0} ms, fastest {times[0]:0.0} ms, slowest {times[^1]:0.0} ms over {sends} sends"
        );
        Console.WriteLine(
            $"  database round trips per send: {commands.Min()}–{commands.Max()} (sender and rules, expansion, reach check, the mémo, its audience, every copy in one INSERT, its thread)"
        );
    }
}
finally
{
    await services.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    folder.Delete(recursive: true);
}

/// <summary>Counts the commands EF sends (each one a round trip to SQLite).</summary>
sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;
    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken ct = default
    )
    {
        Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result,
        CancellationToken ct = default
    )
    {
        Interlocked.Increment(ref _count);
        return base.ScalarExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken ct = default
    )
    {
        Interlocked.Increment(ref _count);
        return base.NonQueryExecutingAsync(command, eventData, result, ct);
    }
}
