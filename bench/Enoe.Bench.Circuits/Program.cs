// Circuits under load: N open 8-widget dashboards on 1 or 2 instances of the published app, opened over SignalR by a
// .NET client (no browser), then one mémo from the CPE to every student, delivered live to every open tab.
//
//   dotnet publish Enoe.App -c Release -o bench/out/app
//   dotnet run --project bench/Enoe.Bench.Circuits -c Release -- [circuits=20] [instances=1] [options]
//     --postgres        one instance on PostgreSQL too (two instances always are: they share PostgreSQL and Redis)
//     --parallel=P      dashboards being opened at once (8)
//     --hold=S          keeps the circuits open S seconds once measured (for a heap snapshot)
//     --memos=K         mémos measured, their deliveries pooled (3)
//     --warmup=W        mémos (or events) sent first, unmeasured (1; 20 lets the JIT finish optimising the hot paths)
//     --students=S      distinct students signed in (default: one per circuit; students join the collège's
//                       classes when it has fewer; with fewer students than circuits, each has several tabs)
//     --event=E         instead of mémos, K carnet entries (carnet), devoirs (devoir) set to a class holding every
//                       student, or a booking's decisions (booking: the students' tabs are bystanders, the booker's
//                       dashboard the one concerned) (EventDelivery)
//     --deflate         the tabs offer WebSocket compression, as browsers do
//     --pause           then pauses every dashboard as a hidden tab does, and measures what a paused one holds
//     --surge           instead: a rentrée morning. The node's capacity is set to N dashboards and its pace to
//                       --pace=R arrivals let in per second (4); N dashboards are opened (waiting their turn), then
//                       --burst=S seconds of sign-ins at 50 a second arrive while --leaves=L people leave a second (10)
//                       (Surge)
//     --public          instead: anonymous requests per second to the public site against /health (PublicPages),
//                       --parallel=P readers at once (16)
//
// Measures: managed heap per open circuit (each instance's GET /diagnostics/memory, after a full GC, before and after
// opening them), time to open a dashboard (page request to the last render batch of the burst, acknowledged), and
// the mémo's delivery (the CPE's click on "Envoyer" to the first render batch each student's tab receives after it).
// Prints a Markdown line for the README. Starts everything it needs and stops it all at the end, Ctrl-C included.
using System.Diagnostics;
using System.Runtime.InteropServices;
using Enoe.Bench.Circuits;
using Enoe.Data.Database;

var positional = args.Where(a => !a.StartsWith("--")).ToList();
int Option(string name, int fallback) =>
    args.FirstOrDefault(a => a.StartsWith($"--{name}=")) is { } o ? int.Parse(o[(name.Length + 3)..]) : fallback;
var circuits = positional.Count > 0 ? int.Parse(positional[0]) : 20;
var instances = positional.Count > 1 ? int.Parse(positional[1]) : 1;
var postgres = instances > 1 || args.Contains("--postgres");
var parallel = Option("parallel", 8);
var quiet = TimeSpan.FromMilliseconds(500);
const string Password = Enoe.Data.Demo.DemoSeeder.Password;
const string Dashboard = "/tableau-de-bord";
static bool HasAllWidgets(Tab tab) => tab.Widgets >= DemoPreparation.DashboardWidgets;

var appDll = Path.Combine(FindRoot(), "bench", "out", "app", "Enoe.App.dll");
if (!File.Exists(appDll))
{
    Console.Error.WriteLine($"Publish the app first: dotnet publish Enoe.App -c Release -o bench/out/app ({appDll})");
    return 1;
}

using var cancel = new CancellationTokenSource();

// Ctrl-C, kill, a closed terminal: the run unwinds through its finally blocks (every server stopped, every folder
// deleted) instead of the runtime exiting at once.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Unwind);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Unwind);
using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Unwind);
void Unwind(PosixSignalContext signal)
{
    signal.Cancel = true;
    cancel.Cancel();
}

var ct = cancel.Token;
if (args.Contains("--public"))
    return await PublicPages.RunAsync(appDll, Option("parallel", 16), ct);
var live = args.FirstOrDefault(a => a.StartsWith("--event=")) is { } e
    ? Enum.Parse<LiveEvent>(e["--event=".Length..], ignoreCase: true)
    : LiveEvent.Memo;
var surge = args.Contains("--surge");
HubSocket.OfferDeflate = args.Contains("--deflate");
var arrivals = surge ? Option("burst", 10) * 50 : 0;
var tabs = new List<Tab>();
var accounts = new List<Account>();
await using var processes = new Processes();
try
{
    // One data directory for every instance: Data Protection keys (a cookie from one instance is valid on the other
    // until the keys move to Redis), uploaded files, and the SQLite database when there is one instance.
    var data = processes.TempFolder("enoe-bench-circuits-").FullName;
    var database = new DatabaseSettings();
    var configuration = new Dictionary<string, string> { ["Enoe__DataDirectory"] = data };
    if (postgres)
    {
        database = new()
        {
            Provider = DatabaseProvider.PostgreSQL,
            ConnectionString = await Servers.StartPostgresAsync(processes),
        };
        configuration["Enoe__Database__Provider"] = "PostgreSQL";
        configuration["Enoe__Database__ConnectionString"] = database.ConnectionString;
    }
    if (instances > 1)
        configuration["Enoe__Redis"] = await Servers.StartRedisAsync(processes);
    var pace = Option("pace", 4);
    // The waiting line measured by --surge; off otherwise (0 and 0), as the other figures open tabs at the bench's
    // pace.
    configuration["Enoe__Circuits__Capacity"] = surge ? $"{circuits}" : "0";
    configuration["Enoe__Circuits__AdmissionsPerSecond"] = surge ? $"{pace}" : "0";

    Console.Error.WriteLine("Seeding the demo and filling the students' dashboards…");
    var cast = await DemoPreparation.PrepareAsync(
        data,
        database,
        Math.Max(instances, Option("students", circuits) + arrivals),
        live,
        Option("memos", 3) + 1
    );
    ct.ThrowIfCancellationRequested();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Npgsql.NpgsqlConnection.ClearAllPools();
    // The first instance migrates (nothing left to do) before the second starts, as a deployment would.
    var urls = new List<Uri>();
    for (var i = 0; i < instances; i++)
    {
        ct.ThrowIfCancellationRequested();
        urls.Add(await Servers.StartAppAsync(processes, appDll, i, configuration));
    }

    if (surge) // everyone signs in as they come, waiting at the door if the node says so
        return await Surge.RunAsync(
            urls[0],
            [.. cast.Students.Take(circuits)],
            [.. cast.Students.Skip(circuits)],
            (circuits, pace, parallel, Option("leaves", 10)),
            tabs,
            accounts,
            ct
        );
    Console.Error.WriteLine($"Signing in {cast.Students.Count} students through the form…");
    var signedIn = new Account[cast.Students.Count];
    await Parallel.ForEachAsync(
        Enumerable.Range(0, cast.Students.Count),
        new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
        async (s, token) =>
            signedIn[s] = await Account.SignInAsync(urls[s % instances], cast.Students[s], Password, token)
    );
    accounts.AddRange(signedIn);

    // One dashboard per instance first, left open and counted in the baseline: what the first circuit pays once
    // (compiled queries, component metadata, JIT) is not memory per circuit nor anyone's opening time.
    for (var i = 0; i < instances; i++)
    {
        var (warm, _) = await Tab.OpenAsync(signedIn[i], Dashboard, HasAllWidgets, quiet, draft: null, ct);
        tabs.Add(warm);
        if (warm.Failed)
            throw new InvalidOperationException($"The warm-up dashboard did not open: {warm.Error}");
    }
    // Memory with the page connections closed, before and after: a browser closes an idle one within about a
    // minute, and what an open tab holds then is its circuit and the circuit's WebSocket.
    void CloseIdlePageConnections()
    {
        foreach (var account in signedIn)
            account.CloseIdleConnections();
    }
    CloseIdlePageConnections();
    await Task.Delay(1000, ct);
    var before = await Task.WhenAll(urls.Select(Servers.MemoryAsync));
    Console.Error.WriteLine($"Opening {circuits} dashboards, {parallel} at a time…");
    var cpuBefore = await Task.WhenAll(urls.Select(RuntimeCounters.ReadAsync));
    var wire = Loopback.Bytes();
    var opened = new (Tab Tab, TimeSpan Open)[circuits];
    var done = 0;
    RuntimeCounters[]? halfway = null; // the second half's figures: the JIT has compiled the opening's hot paths
    await Parallel.ForEachAsync(
        Enumerable.Range(0, circuits),
        new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct },
        async (t, token) =>
        {
            opened[t] = await Tab.OpenAsync(
                signedIn[t % signedIn.Length],
                Dashboard,
                HasAllWidgets,
                quiet,
                null,
                token
            );
            var count = Interlocked.Increment(ref done);
            if (count == circuits / 2)
                halfway = await Task.WhenAll(urls.Select(RuntimeCounters.ReadAsync));
            if (count % Math.Max(1, circuits / 10) == 0)
                Console.Error.WriteLine($"  {count} / {circuits}");
        }
    );
    var cpuAfter = await Task.WhenAll(urls.Select(RuntimeCounters.ReadAsync));
    Console.Error.WriteLine(
        $"opening: {RuntimeCounters.PerOpen(cpuBefore, cpuAfter, circuits)}; "
            + $"{(Loopback.Bytes() - wire) / circuits / 1024:N0} KB per open on the loopback (page and circuit)"
            + (
                halfway is null
                    ? ""
                    : $"; second half: {RuntimeCounters.PerOpen(halfway, cpuAfter, circuits - circuits / 2)}"
            )
    );
    tabs.AddRange(opened.Select(o => o.Tab));
    var failures = opened.Count(o => o.Tab.Failed);
    foreach (var failed in tabs.Where(t => t.Failed).Take(5))
        Console.Error.WriteLine($"failed circuit: {failed.Error}");

    CloseIdlePageConnections();
    await Task.Delay(2000, ct);
    var after = await Task.WhenAll(urls.Select(Servers.MemoryAsync));
    for (var i = 0; i < instances; i++)
        Console.Error.WriteLine(
            $"instance {i + 1}: {before[i].Circuits} -> {after[i].Circuits} circuits, "
                + $"{before[i].ManagedBytes / 1024:N0} -> {after[i].ManagedBytes / 1024:N0} KB managed, "
                + $"{before[i].WorkingSetBytes / 1024:N0} -> {after[i].WorkingSetBytes / 1024:N0} KB resident"
        );
    if (Option("hold", 0) is > 0 and var hold) // time to take a heap snapshot (dotnet-gcdump collect -p PID)
    {
        Console.Error.WriteLine($"Holding the circuits open for {hold} s…");
        await Task.Delay(TimeSpan.FromSeconds(hold), ct);
    }
    var grown = after.Zip(before, (a, b) => a.ManagedBytes - b.ManagedBytes).Sum();
    var counted = after.Zip(before, (a, b) => a.Circuits - b.Circuits).Sum();

    if (args.Contains("--pause"))
        return await PausedTabs.MeasureAsync(urls, before, [.. opened.Select(o => o.Tab).Where(t => !t.Failed)], ct);
    var open = tabs.Where(t => !t.Failed).ToList();
    var memos = Option("memos", 3);
    if (live != LiveEvent.Memo)
    {
        var measured = await EventDelivery.RunAsync(
            live,
            urls,
            cast,
            open,
            tabs,
            quiet,
            memos,
            Option("warmup", 1),
            ct
        );
        return failures > 0 ? 2 : measured;
    }
    var (delivery, subject, clicks) = await MemoDelivery.SendAndMeasureAsync(
        urls,
        cast,
        open,
        quiet,
        memos,
        Option("warmup", 1),
        ct
    );
    var figures = new Figures(
        instances == 1 ? (postgres ? "1 (PostgreSQL)" : "1 (SQLite)") : $"{instances} (PostgreSQL, Redis)",
        circuits,
        failures,
        grown / 1024.0 / Math.Max(1, counted),
        [.. opened.Where(o => !o.Tab.Failed).Select(o => o.Open.TotalMilliseconds)],
        delivery,
        open.Count * memos
    );
    Console.Error.WriteLine(
        $"{counted} circuits counted by the instances; {cast.Students.Count} distinct students. The mémo's subject "
            + $"(its line in the mémos widget) reached {subject.Count} of {open.Count * memos} tabs ({memos} mémos): "
            + $"p50 {Figures.Percentile(subject, 50):0} ms, p95 {Figures.Percentile(subject, 95):0} ms. Delivery by "
            + $"percentile ({string.Join(", ", Figures.SpreadPoints)}): {Figures.Spread(delivery)} ms. The sender's "
            + $"click p50 / max: {Figures.Percentile(clicks, 50):0} / {clicks.DefaultIfEmpty(double.NaN).Max():0} ms."
    );
    Console.WriteLine(Figures.Header);
    Console.WriteLine(figures.Row());
    return figures.Failed == 0 && delivery.Count == open.Count * memos ? 0 : 2;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled; cleaning up.");
    return 130;
}
finally
{
    var closing = Stopwatch.StartNew();
    await Task.WhenAll(tabs.Select(t => t.DisposeAsync().AsTask()))
        .WaitAsync(TimeSpan.FromSeconds(30))
        .ContinueWith(_ => { });
    foreach (var account in accounts)
        account.Dispose();
    Console.Error.WriteLine($"Closed {tabs.Count} circuits in {closing.Elapsed.TotalSeconds:0.0} s; stopping servers.");
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Enoe.Blazor.sln")))
        dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}
