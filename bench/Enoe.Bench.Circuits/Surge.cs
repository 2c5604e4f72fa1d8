using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Enoe.Bench.Circuits;

/// <summary>
/// A rentrée morning on one node (<c>--surge</c>): the node fills up to its capacity of open dashboards (each person
/// waiting their turn as the node's pace lets them in), then a burst of sign-ins arrives, 50 a second, while people
/// already in leave a few a second. Every arrival must be queued (the waiting page, its place shown), never refused;
/// those let in from the line open their dashboard within the p95 the capacity promises (300 ms).
/// </summary>
internal static partial class Surge
{
    private const string Dashboard = "/tableau-de-bord";
    private const double PromisedOpenP95Ms = 300;

    public static async Task<int> RunAsync(
        Uri node,
        IReadOnlyList<string> filling,
        IReadOnlyList<string> arriving,
        (int Capacity, double Pace, int Parallel, double LeavesPerSecond) run,
        List<Tab> tabs,
        List<Account> accounts,
        CancellationToken ct
    )
    {
        static bool Ready(Tab tab) => tab.Widgets >= DemoPreparation.DashboardWidgets;
        var quiet = TimeSpan.FromMilliseconds(500);

        Console.Error.WriteLine(
            $"Filling the node to its capacity, {run.Capacity} dashboards, {run.Parallel} at a time…"
        );
        var fill = new ConcurrentBag<double>();
        var filled = new ConcurrentQueue<Tab>();
        await Parallel.ForEachAsync(
            filling,
            new ParallelOptions { MaxDegreeOfParallelism = run.Parallel, CancellationToken = ct },
            async (userName, token) =>
            {
                var (account, _, _) = await ComeInAsync(node, userName, honourRefresh: false, accounts, token);
                var (tab, open) = await Tab.OpenAsync(account, Dashboard, Ready, quiet, null, token);
                lock (tabs)
                    tabs.Add(tab);
                if (tab.Failed)
                    throw new InvalidOperationException($"A dashboard did not open: {tab.Error}");
                fill.Add(open.TotalMilliseconds);
                filled.Enqueue(tab);
            }
        );
        var held = await Servers.MemoryAsync(node);
        Console.Error.WriteLine($"{held.Circuits} circuits open, {held.ManagedBytes / 1024 / 1024:N0} MB managed.");

        Console.Error.WriteLine(
            $"A burst of {arriving.Count} sign-ins, 50 a second, {run.LeavesPerSecond} people leaving a second…"
        );
        var (signIns, pages, opens, waits) = (
            new ConcurrentBag<double>(),
            new ConcurrentBag<double>(),
            new ConcurrentBag<double>(),
            new ConcurrentBag<double>()
        );
        int queued = 0,
            letInAtOnce = 0,
            refused = 0,
            failed = 0,
            arrived = 0,
            highest = 0;
        var cpuBefore = await RuntimeCounters.ReadAsync(node);
        var burst = Stopwatch.StartNew();
        using var everyoneIn = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var leaving = LeaveAsync(filled, run.LeavesPerSecond, everyoneIn.Token);
        var arrivals = new List<Task>();
        for (var i = 0; i < arriving.Count; i++)
        {
            var due = TimeSpan.FromMilliseconds(i * 20);
            if (due > burst.Elapsed)
                await Task.Delay(due - burst.Elapsed, ct);
            arrivals.Add(ArriveAsync(arriving[i]));
        }
        await Task.WhenAll(arrivals);
        await everyoneIn.CancelAsync();
        await leaving;
        var cpu = (await RuntimeCounters.ReadAsync(node)).Since(cpuBefore);

        async Task ArriveAsync(string userName)
        {
            try
            {
                var (account, signIn, waiting) = await ComeInAsync(node, userName, honourRefresh: true, accounts, ct);
                signIns.Add(signIn.TotalMilliseconds);
                if (waiting is { } w)
                {
                    Interlocked.Increment(ref queued);
                    waits.Add(w.Waited.TotalSeconds);
                    foreach (var ms in w.PagesMs)
                        pages.Add(ms);
                    InterlockedMax(ref highest, w.FirstPlace);
                }
                else
                    Interlocked.Increment(ref letInAtOnce);
                var (tab, open) = await Tab.OpenAsync(account, Dashboard, Ready, quiet, null, ct);
                lock (tabs)
                    tabs.Add(tab);
                if (tab.Failed)
                    throw new InvalidOperationException(tab.Error);
                opens.Add(open.TotalMilliseconds);
                filled.Enqueue(tab); // leaves in turn: a burst larger than the node still moves
            }
            catch (RefusedException e)
            {
                Interlocked.Increment(ref refused);
                Console.Error.WriteLine($"arrival {userName} refused: {e.Message}");
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                Interlocked.Increment(ref failed);
                Console.Error.WriteLine($"arrival {userName} failed: {e.Message}");
            }
            finally
            {
                if (Interlocked.Increment(ref arrived) % Math.Max(1, arriving.Count / 10) == 0)
                    Console.Error.WriteLine($"  {arrived} / {arriving.Count} in, {burst.Elapsed.TotalSeconds:0} s");
            }
        }

        Console.Error.WriteLine($"burst: {burst.Elapsed.TotalSeconds:0} s until everyone was in; node: {cpu}");
        var (fillMs, pageMs, openMs, waitS, signInMs) = (
            fill.ToList(),
            pages.ToList(),
            opens.ToList(),
            waits.ToList(),
            signIns.ToList()
        );
        string P(IReadOnlyList<double> v, int p, string format = "N0") =>
            Figures.Percentile(v, p).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine(
            "| capacity (open dashboards) | pace (arrivals let in per s) | filling: open p50 / p95 (ms) | burst: "
                + "sign-ins at 50/s, queued / let in at once / refused / failed | sign-in p95 (ms) | waiting page "
                + "p50 / p95 (ms), pages served | waited p50 / p95 / max (s), highest place | opened after waiting: "
                + "p50 / p95 / max (ms) |\n|---|---|---|---|---|---|---|---|"
        );
        Console.WriteLine(
            $"| {run.Capacity:N0} | {run.Pace} | {P(fillMs, 50)} / {P(fillMs, 95)} | {arriving.Count}: {queued} / "
                + $"{letInAtOnce} / {refused} / {failed} | {P(signInMs, 95)} | {P(pageMs, 50)} / {P(pageMs, 95)}, "
                + $"{pageMs.Count:N0} | {P(waitS, 50, "N1")} / {P(waitS, 95, "N1")} / {P(waitS, 100, "N1")}, "
                + $"{highest} | {P(openMs, 50)} / {P(openMs, 95)} / {P(openMs, 100)} |"
        );
        Console.Error.WriteLine(
            $"by percentile ({string.Join(", ", Figures.SpreadPoints)}): opened after waiting "
                + $"{Figures.Spread(openMs)} ms; signing in {Figures.Spread(signInMs)} ms; the waiting page "
                + $"{Figures.Spread(pageMs)} ms"
        );
        var holds = Figures.Percentile(openMs, 95) <= PromisedOpenP95Ms;
        Console.Error.WriteLine(
            refused == 0 && failed == 0 && holds
                ? "Every arrival was queued or let in, none refused; p95 held."
                : $"NOT MET: {refused} refused, {failed} failed, open p95 {P(openMs, 95)} ms (≤ {PromisedOpenP95Ms})."
        );
        return refused == 0 && failed == 0 && holds ? 0 : 2;
    }

    /// <summary>
    /// A person arriving as a browser does: the sign-in form (waiting at the door if the node says so), the form
    /// posted, their dashboard's address (waiting there if they were let in at the door but not on, which should not
    /// happen). Returns the time the sign-in took once let in, and the wait, if any. A status the waiting room never
    /// answers (429, 503…) is a refusal.
    /// </summary>
    private static async Task<(Account Account, TimeSpan SignIn, Waiting? Waiting)> ComeInAsync(
        Uri node,
        string userName,
        bool honourRefresh,
        List<Account> accounts,
        CancellationToken ct
    )
    {
        var account = new Account(userName, node);
        lock (accounts)
            accounts.Add(account);
        var waiting = await PassAsync(account, "/connexion", honourRefresh, ct);
        var started = Stopwatch.GetTimestamp();
        await account.SignInAsync(Enoe.Data.Demo.DemoSeeder.Password, ct);
        var signIn = Stopwatch.GetElapsedTime(started);
        if (await PassAsync(account, Dashboard, honourRefresh, ct) is { } again)
            throw new InvalidOperationException($"let in at the door, then queued again at place {again.FirstPlace}");
        return (account, signIn, waiting);
    }

    internal sealed record Waiting(TimeSpan Waited, List<double> PagesMs, int FirstPlace);

    private sealed class RefusedException(string message) : Exception(message);

    /// <summary>
    /// Asks for <paramref name="path"/>; if sent to the waiting page, waits there until it sends the person on: as a
    /// browser does (its meta refresh), or, to fill the node quickly, at least every second.
    /// </summary>
    private static async Task<Waiting?> PassAsync(
        Account account,
        string path,
        bool honourRefresh,
        CancellationToken ct
    )
    {
        var (status, location, _) = await account.RequestAsync(path, ct);
        if (status == HttpStatusCode.OK)
            return null;
        var waitingPage = "/file-d-attente?retour=" + Uri.EscapeDataString(path);
        if (status != HttpStatusCode.Redirect || location != waitingPage)
            throw new RefusedException($"{path}: {(int)status} {location}");
        var started = Stopwatch.GetTimestamp();
        var pages = new List<double>();
        var first = 0;
        while (true)
        {
            var asked = Stopwatch.GetTimestamp();
            (status, location, var body) = await account.RequestAsync(waitingPage, ct);
            pages.Add(Stopwatch.GetElapsedTime(asked).TotalMilliseconds);
            if (status == HttpStatusCode.Redirect && location == path)
                return new(Stopwatch.GetElapsedTime(started), pages, first);
            if (status != HttpStatusCode.OK || Position().Match(body) is not { Success: true } place)
                throw new RefusedException($"the waiting page answered {(int)status} {location}");
            if (first == 0)
                first = int.Parse(place.Groups[1].Value);
            var refresh = int.Parse(Refresh().Match(body).Groups[1].Value);
            await Task.Delay(TimeSpan.FromSeconds(honourRefresh ? refresh : Math.Min(refresh, 1)), ct);
        }
    }

    /// <summary>People in close their tab, one every 1/<paramref name="perSecond"/> s, oldest first.</summary>
    private static async Task LeaveAsync(ConcurrentQueue<Tab> open, double perSecond, CancellationToken ct)
    {
        var every = TimeSpan.FromSeconds(1 / perSecond);
        try
        {
            while (true)
            {
                await Task.Delay(every, ct);
                if (open.TryDequeue(out var tab))
                    _ = tab.CloseAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) { }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
                return;
    }

    [GeneratedRegex("data-waiting-position=\"(\\d+)\"")]
    private static partial Regex Position();

    [GeneratedRegex("http-equiv=\"refresh\" content=\"(\\d+)\"")]
    private static partial Regex Refresh();
}
