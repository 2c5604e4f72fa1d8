using System.Diagnostics;
using Enoe.Data.Demo;

namespace Enoe.Bench.Circuits;

/// <summary>
/// A carnet entry, a devoir or a booking's decision (<c>--event=</c>) made through the app as a person makes it: the
/// sender's own page is a circuit, its field filled with the browser's <c>change</c> event and its button clicked;
/// the app's event bus carries the event to every open tab. Timed from the click: the first render batch of each
/// concerned tab, the sender's own page showing the save, the instances' CPU; and for a booking, the bystanders'
/// tabs, which should receive nothing.
/// </summary>
internal static class EventDelivery
{
    /// <summary>
    /// The sender's page, its button (its text in French, the page culture), the field filled before the click (its
    /// <c>id</c>, or null), what the page shows once saved, and what the concerned tabs show (null: the event's
    /// text itself, a new entry's content or a devoir's title).
    /// </summary>
    private sealed record Sending(string Path, string Button, string? Field, Func<string, string> Saved, string? Shown);

    private static Sending For(LiveEvent live) =>
        live switch
        {
            LiveEvent.Carnet => new("/carnet-de-bord", "Enregistrer la séance", "lb-content", text => text, null),
            // UploadBox's line once the page's OnSubmit returned (CommonText.Upload_Sent at 100 %).
            LiveEvent.Devoir => new("/devoirs", "Donner le devoir", "as-title", _ => "Envoyé : 100 %", null),
            // BookingsText.Decided_Approved on the manager's page; Status_Approved in the booker's widget.
            _ => new("/reservations", "Valider", null, _ => "Réservation validée.", "confirmée"),
        };

    public static async Task<int> RunAsync(
        LiveEvent live,
        IReadOnlyList<Uri> instances,
        Cast cast,
        IReadOnlyList<Tab> students,
        List<Tab> opened,
        TimeSpan quiet,
        int measured,
        int warmup,
        CancellationToken ct
    )
    {
        using var sender = await Account.SignInAsync(instances[0], cast.EventSender!, DemoSeeder.Password, ct);
        using var booker =
            live == LiveEvent.Booking
                // On the last instance: on two, the event reaches the booker through Redis.
                ? await Account.SignInAsync(instances[^1], cast.Booker!, DemoSeeder.Password, ct)
                : null;
        IReadOnlyList<Tab> concerned = students,
            bystanders = [];
        if (booker is not null)
        {
            var (tab, _) = await Tab.OpenAsync(
                booker,
                "/tableau-de-bord",
                t => t.Widgets >= DemoPreparation.DashboardWidgets,
                quiet,
                null,
                ct
            );
            opened.Add(tab);
            if (tab.Failed)
                throw new InvalidOperationException($"The booker's dashboard did not open: {tab.Error}");
            (concerned, bystanders) = ([tab], students);
        }
        var sending = For(live);
        var name = live.ToString().ToLowerInvariant();
        // Unmeasured, as the mémos' --warmup: the first event's JIT went into the teacher's click.
        for (var w = 0; w < Math.Max(1, warmup); w++)
            await SendAsync(instances, sending, sender, concerned, bystanders, quiet, TimeSpan.FromSeconds(20), ct);
        var (delivery, shown, clicks, cpu, touched) = (new List<double>(), 0, new List<double>(), 0.0, 0);
        for (var i = 0; i < measured; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            var sent = await SendAsync(
                instances,
                sending,
                sender,
                concerned,
                bystanders,
                quiet,
                TimeSpan.FromSeconds(60),
                ct
            );
            var d = sent.Delivery;
            Console.Error.WriteLine(
                $"{name} {i + 1}: p50 {Figures.Percentile(d, 50):0}, p95 {Figures.Percentile(d, 95):0}, max "
                    + $"{d.DefaultIfEmpty(double.NaN).Max():0} ms ({Figures.Spread(d)}); its text in {sent.Shown} "
                    + $"of {concerned.Count} tabs; the sender's click {sent.Click:0} ms; {sent.Touched} of "
                    + $"{bystanders.Count} bystanders rendered; {sent.Use}"
            );
            delivery.AddRange(d);
            (shown, touched, cpu) = (shown + sent.Shown, touched + sent.Touched, cpu + sent.CpuMs);
            clicks.Add(sent.Click ?? double.NaN);
        }
        var expected = concerned.Count * measured;
        Console.WriteLine(
            "| event | instances | concerned tabs (bystanders) | delivery p50 / p95 / max (ms), deliveries | its text "
                + "reached | the sender's click p50 / max (ms) | instances' CPU per event (ms) |\n"
                + "|---|---|---|---|---|---|---|"
        );
        Console.WriteLine(
            $"| {name} | {instances.Count} | {concerned.Count:N0} ({bystanders.Count:N0}) | "
                + $"{Figures.Percentile(delivery, 50):0} / {Figures.Percentile(delivery, 95):0} / "
                + $"{delivery.DefaultIfEmpty(double.NaN).Max():0}, {delivery.Count:N0} of {expected:N0} | "
                + $"{shown:N0} of {expected:N0} | {Figures.Percentile(clicks, 50):0} / {clicks.Max():0} | "
                + $"{cpu / measured:0} |"
        );
        return delivery.Count == expected && !clicks.Any(double.IsNaN) && touched == 0 ? 0 : 2;
    }

    private static async Task<Sent> SendAsync(
        IReadOnlyList<Uri> instances,
        Sending sending,
        Account sender,
        IReadOnlyList<Tab> concerned,
        IReadOnlyList<Tab> bystanders,
        TimeSpan quiet,
        TimeSpan timeout,
        CancellationToken ct
    )
    {
        var text = $"Banc {Guid.NewGuid():N}"[..21];
        // A new page per event: the decided booking leaves the list, and a saved devoir sends the browser elsewhere.
        var (page, _) = await Tab.OpenAsync(
            sender,
            sending.Path,
            t =>
                t.Buttons.ContainsKey(sending.Button) && (sending.Field is null || t.Fields.ContainsKey(sending.Field)),
            quiet,
            null,
            ct
        );
        await using var _ = page;
        if (page.Failed)
            throw new InvalidOperationException($"The sender's {sending.Path} did not open: {page.Error}");
        if (sending.Field is { } field)
        {
            var batches = page.Batches;
            await page.ChangeAsync(page.Fields[field], text);
            await page.WaitAsync(t => t.Batches > batches, TimeSpan.FromSeconds(20), ct);
            await Task.Delay(quiet, ct);
        }
        var shown = sending.Shown ?? text;
        var before = await Task.WhenAll(instances.Select(RuntimeCounters.ReadAsync));
        var clickedAt = Stopwatch.GetTimestamp();
        foreach (var tab in concerned)
            tab.Arm(clickedAt, shown);
        foreach (var tab in bystanders)
            tab.Arm(clickedAt, shown);
        page.Arm(clickedAt, sending.Saved(text));
        await page.ClickAsync(page.Buttons[sending.Button]);
        var wait = Stopwatch.StartNew();
        bool Waiting() =>
            concerned.Any(t => t.Delivery.FirstBatch is null || t.Delivery.Text is null) || page.Delivery.Text is null;
        while (wait.Elapsed < timeout && Waiting())
            await Task.Delay(20, ct);
        // From the click to the last concerned tab and the sender's page (to the nearest 20 ms).
        var heard = wait.Elapsed;
        var after = await Task.WhenAll(instances.Select(RuntimeCounters.ReadAsync));
        if (bystanders.Count > 0)
            await Task.Delay(TimeSpan.FromSeconds(1), ct); // what a bystander's tab would render comes by then
        var delivered = Times(concerned.Select(t => t.Delivery.FirstBatch));
        if (delivered.Count < concerned.Count || page.Delivery.Text is null)
            Console.Error.WriteLine(
                $"{concerned.Count - delivered.Count} tabs received nothing within {timeout.TotalSeconds:0} s of the "
                    + $"click; the sender's page {(page.Delivery.Text is null ? "did not show" : "showed")} the save "
                    + $"({page.Batches} batches, error: {page.Error ?? "none"})."
            );
        return new(
            delivered,
            concerned.Count(t => t.Delivery.Text is not null),
            page.Delivery.Text?.TotalMilliseconds,
            bystanders.Count(t => t.Delivery.FirstBatch is not null),
            after.Zip(before, (a, b) => a.CpuMs - b.CpuMs).Sum(),
            $"click to the last {heard.TotalMilliseconds:0} ms: "
                + string.Join("; ", after.Select((a, n) => $"instance {n + 1}: {a.Since(before[n])}"))
        );
    }

    /// <summary>One event's figures: <c>Click</c> null when the sender's page never showed the save.</summary>
    private sealed record Sent(List<double> Delivery, int Shown, double? Click, int Touched, double CpuMs, string Use);

    private static List<double> Times(IEnumerable<TimeSpan?> times) =>
        [.. times.OfType<TimeSpan>().Select(d => d.TotalMilliseconds)];
}
