// Notifications delivered, in a new SQLite database: an établissement of 20 classes of 30 students, each with two
// parents (1,200 parents). Marks published to one class (30 students, 60 parents: one statement per moment of delivery,
// the students' and the parents'), a mémo to the 1,200 parents sent on a Friday evening (held by the quiet window,
// written at once), and Monday 07:00's release of it to their open tabs.
//
//   dotnet run --project bench/Enoe.Bench.Delivery -c Release -- [rounds=5]
using Enoe.Bench.Delivery;

var rounds = args.Length > 0 ? int.Parse(args[0]) : 5;
await using var school = await BenchSchool.CreateAsync(classes: 20);
Console.WriteLine($"ENOE notifications, Release, SQLite: 20 classes of 30 students, {school.Parents:N0} parents");
Console.WriteLine($"{"step (median of " + rounds + " rounds)", -64} {"ms", 8} {"commands", 9} {"written", 8}");
var publish = new List<Step>();
var memo = new List<Step>();
var release = new List<Step>();
for (var round = 0; round < rounds; round++)
{
    var monday = new DateTime(2026, 12, 7).AddDays(7 * round);
    school.At(monday.AddHours(10)); // a Monday at 10:00
    publish.Add(await school.PublishAsync(await school.MarkedAssessmentAsync()));
    school.At(monday.AddDays(4).AddHours(21)); // that Friday at 21:00
    memo.Add(await school.MemoToEveryParentAsync());
    school.At(monday.AddDays(7).AddHours(7)); // the next Monday at 07:00
    release.Add(await school.ReleaseAsync());
}
Print("marks published to a class of 30 (students now, parents +24 h)", publish);
Print($"a mémo to {school.Parents:N0} parents, Friday 21:00 (held to Monday)", memo);
Print("Monday 07:00: the held notifications announced", release);
return 0;

static void Print(string step, List<Step> steps)
{
    var median = steps.OrderBy(s => s.Milliseconds).ElementAt(steps.Count / 2);
    Console.WriteLine($"{step, -64} {median.Milliseconds, 8:0.0} {median.Commands, 9} {median.Notifications, 8}");
}
