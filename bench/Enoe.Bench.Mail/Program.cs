// The daily digest at académie scale, in a new SQLite database: N parents (a third with two children, 2 + 3 per
// child... every child's 3 homework and 2 marks of the day also reach the child, who gets no e-mail by default), the
// digest built at 17:31 Paris time: time, database commands, e-mails queued. Then the same run again (nothing to do).
//
//   dotnet run --project bench/Enoe.Bench.Mail -c Release -- [parents=10000] [schools=20]
using System.Diagnostics;
using Enoe.Bench.Mail;
using Enoe.Data;
using Enoe.Data.Common;
using Enoe.Data.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

var parents = args.Length > 0 ? int.Parse(args[0]) : 10_000;
var schools = args.Length > 1 ? int.Parse(args[1]) : 20;
var setup = Stopwatch.StartNew();
await using var bench = await BenchFamilies.CreateAsync(parents, schools);
Console.WriteLine(
    $"ENOE daily digest, Release, SQLite: {bench.Parents:N0} parents of {bench.Children:N0} children in {schools} "
        + $"établissements, {bench.Notifications:N0} notifications (set up in {setup.Elapsed.TotalSeconds:0.0} s)"
);
var jobs = bench.Services.GetRequiredService<MailJobs>();
bench.Clock.SetUtcNow(SchoolTime.ToUtc(new DateTime(2026, 11, 26, 17, 31, 0)));
foreach (var run in new[] { "the day's digests built and queued", "the same job again (done for the day)" })
{
    bench.Counter.Reset();
    var clock = Stopwatch.StartNew();
    var outcome = await jobs.DigestAsync();
    Console.WriteLine(
        $"{run, -42} {clock.Elapsed.TotalSeconds, 7:0.00} s {bench.Counter.Count, 6} commands "
            + $"{outcome?.Mails ?? 0, 7:N0} e-mails for {outcome?.Notifications ?? 0:N0} notifications"
    );
}
await using var db = await bench.Services.GetRequiredService<IDbContextFactory<EnoeDbContext>>().CreateDbContextAsync();
var queued = await db.Set<OutboxMessage>().CountAsync();
var bytes = await db.Set<OutboxMessage>().SumAsync(m => (long)m.HtmlBody.Length + m.TextBody.Length);
Console.WriteLine(
    $"outbox: {queued:N0} messages, {bytes / Math.Max(1, queued):N0} characters each on average (text + HTML)"
);
return 0;
