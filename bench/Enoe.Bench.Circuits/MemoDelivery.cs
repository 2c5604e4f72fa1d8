using System.Diagnostics;
using System.Text.Json;
using Enoe.Data.Demo;

namespace Enoe.Bench.Circuits;

/// <summary>
/// One mémo from the CPE to "Tous les élèves", sent through the app as a person sends it: the compose page's circuit
/// (the CPE's own tab), its form filled the way a reload fills it (the drafts module hands back the stored draft:
/// recipients, subject, body; the server checks them all again when sending), then a click on "Envoyer". The app's
/// own event bus carries it to every open tab, on whichever instance.
/// </summary>
internal static class MemoDelivery
{
    private const string SendButton = "Envoyer"; // MemosText.Send, in French (the page culture)

    /// <summary>
    /// Delivery time per tab: the click to the first render batch that tab receives afterwards (its unread badge, its
    /// mémos widget); and how many tabs also received the mémo's subject (the widget's list) within the wait.
    /// <paramref name="warmUps"/> mémos, unmeasured, warm the sending path up (a node just started compiles its hot
    /// paths again, optimised, while it serves: the JIT took a third of the CPU of the first twenty mémos, and less
    /// than a tenth after); then <paramref name="measured"/> mémos a few seconds apart, their
    /// deliveries pooled: where the server's collections fall varies from one mémo to the next (one 50–100 ms pause
    /// with 2,000 circuits held), and one mémo alone moved the 95th percentile by up to 100 ms between runs.
    /// </summary>
    /// The sender's click: from the click to the compose page's call that takes the browser to the stored mémo.
    public static async Task<(List<double> Delivery, List<double> Subject, List<double> Clicks)> SendAndMeasureAsync(
        IReadOnlyList<Uri> instances,
        Cast cast,
        IReadOnlyList<Tab> recipients,
        TimeSpan quiet,
        int measured,
        int warmUps,
        CancellationToken ct
    )
    {
        using var sender = await Account.SignInAsync(instances[0], cast.Sender, DemoSeeder.Password, ct);
        for (var i = 0; i < warmUps; i++)
        {
            var (_, _, use, _) = await SendAsync(
                sender,
                instances,
                cast,
                recipients,
                quiet,
                TimeSpan.FromSeconds(20),
                ct
            );
            if (warmUps > 1)
                Console.Error.WriteLine($"warm-up {i + 1}: {use}");
        }
        var (delivery, subject, clicks) = (new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < measured; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            var (d, s, use, click) = await SendAsync(
                sender,
                instances,
                cast,
                recipients,
                quiet,
                TimeSpan.FromSeconds(60),
                ct
            );
            // Each mémo on its own line: the pooled figures hide which mémo a pause fell into.
            Console.Error.WriteLine(
                $"mémo {i + 1}: p50 {Figures.Percentile(d, 50):0}, p95 {Figures.Percentile(d, 95):0}, max "
                    + $"{d.DefaultIfEmpty(double.NaN).Max():0} ms ({Figures.Spread(d)}); the sender's click "
                    + $"{click:0} ms; {use}"
            );
            clicks.Add(click);
            delivery.AddRange(d);
            subject.AddRange(s);
        }
        return (delivery, subject, clicks);
    }

    private static async Task<(List<double> Delivery, List<double> Subject, string Use, double Click)> SendAsync(
        Account sender,
        IReadOnlyList<Uri> instances,
        Cast cast,
        IReadOnlyList<Tab> recipients,
        TimeSpan quiet,
        TimeSpan timeout,
        CancellationToken ct
    )
    {
        var subject = $"Banc d'essai {Guid.NewGuid():N}"[..22];
        var draft = JsonSerializer.Serialize(
            new
            {
                fields = new { subject, body = "Réunion d'information jeudi à 18 h en salle polyvalente." },
                context = new
                {
                    to = new[]
                    {
                        new
                        {
                            kind = 5,
                            targetId = cast.TargetProfile,
                            label = cast.AudienceLabel,
                        },
                    },
                    aboutChildId = (int?)null,
                    replyToId = (int?)null,
                    forwardOfId = (int?)null,
                },
            }
        );
        // A new compose tab per mémo: after sending, the page asks the browser to go to the mémo, which this client
        // never does, and the form would stay empty.
        var (compose, _) = await Tab.OpenAsync(
            sender,
            "/memos/nouveau",
            tab => tab.Buttons.ContainsKey(SendButton),
            quiet,
            draft,
            ct
        );
        await using var _ = compose;
        if (compose.Failed)
            throw new InvalidOperationException($"The CPE's compose page did not open: {compose.Error}");

        var before = await Task.WhenAll(instances.Select(RuntimeCounters.ReadAsync));
        var wire = Loopback.Bytes();
        var client = Environment.CpuUsage.TotalTime;
        var sentAt = Stopwatch.GetTimestamp();
        foreach (var tab in recipients)
            tab.Arm(sentAt, subject);
        compose.Arm(sentAt, subject);
        await compose.ClickAsync(compose.Buttons[SendButton]);
        var wait = Stopwatch.StartNew();
        while (wait.Elapsed < timeout && recipients.Any(t => t.Delivery.FirstBatch is null))
            await Task.Delay(20, ct);
        // Where the two cores went from the click to the last tab (to the nearest 20 ms): what PostgreSQL and Redis
        // took is what is left.
        var heard = wait.Elapsed;
        client = Environment.CpuUsage.TotalTime - client;
        var after = await Task.WhenAll(instances.Select(RuntimeCounters.ReadAsync));
        var use =
            $"click to last tab {heard.TotalMilliseconds:0} ms: bench client {client.TotalMilliseconds:0} ms CPU; "
            + string.Join("; ", after.Select((a, n) => $"instance {n + 1}: {a.Since(before[n])}"));
        // The list in the mémos widget may come in a later batch than the badge: a few more seconds for it.
        while (wait.Elapsed < timeout + TimeSpan.FromSeconds(5) && recipients.Any(t => t.Delivery.Text is null))
            await Task.Delay(20, ct);
        use += $"; {(Loopback.Bytes() - wire) / Math.Max(1, recipients.Count):N0} B per tab on the loopback";
        var delivered = Times(recipients.Select(t => t.Delivery.FirstBatch));
        if (delivered.Count < recipients.Count)
            Console.Error.WriteLine(
                $"{recipients.Count - delivered.Count} tabs received nothing within {timeout.TotalSeconds:0} s of the "
                    + $"click (compose tab: {compose.Batches} batches, error: {compose.Error ?? "none"})."
            );
        var click = compose.Navigated?.TotalMilliseconds ?? double.NaN;
        return (delivered, Times(recipients.Select(t => t.Delivery.Text)), use, click);
    }

    private static List<double> Times(IEnumerable<TimeSpan?> times) =>
        [.. times.OfType<TimeSpan>().Select(d => d.TotalMilliseconds)];
}
