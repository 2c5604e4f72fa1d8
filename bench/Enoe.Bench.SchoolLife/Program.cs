// Emploi du temps and vie scolaire benchmark, in a new SQLite database: an établissement of 1,012 students in 46
// classes and 48 teachers; its timetable file of 1,518 weekly lessons checked, imported, and imported again; then a day
// with 80 absences and the CPE's live list of it, read again and again as each roll call makes it do; then the CPE's
// whole desk (/vie-scolaire) rendered to HTML as the server prerenders it.
//
//   dotnet run --project bench/Enoe.Bench.SchoolLife -c Release -- [rounds=50]
using System.Diagnostics;
using Enoe.Bench.SchoolLife;

var rounds = args.Length > 0 ? int.Parse(args[0]) : 50;
await using var school = await BenchSchool.CreateAsync(classes: 46, studentsPerClass: 22);
Console.WriteLine(
    $"ENOE timetable and vie scolaire, Release, SQLite: {school.Students:N0} students in {school.Classes} classes, "
        + $"{school.Teachers} teachers"
);
var file = school.TimetableFile();
Console.WriteLine($"{"step", -60} {"ms", 8} {"commands", 9}");
await school.TimeOnceAsync(
    $"timetable file of {file.Lessons:N0} lessons: checked (preview)",
    () => school.PreviewAsync(file.Bytes)
);
await school.TimeOnceAsync($"the same: imported in one transaction", () => school.ImportAsync(file.Bytes));
await school.TimeOnceAsync($"the same again: matched, nothing written", () => school.ImportAsync(file.Bytes));
var absences = await school.AbsencesAsync(80);
Console.WriteLine($"a school day with {absences} absences and lateness, roll calls taken for half its lessons");
var times = new List<double>();
var commands = 0;
for (var i = 0; i < rounds; i++)
{
    var clock = Stopwatch.StartNew();
    commands = await school.CpeDayAsync();
    times.Add(clock.Elapsed.TotalMilliseconds);
}
times.Sort();
var (median, p95) = (times[times.Count / 2], times[(int)(times.Count * 0.95)]);
Console.WriteLine(
    $"{"the CPE's day (absences, roll calls not taken): median / p95", -60} {median, 8:0.0} {commands, 9}   "
        + $"p95 {p95:0.0} ms, {rounds} rounds"
);
var renders = new List<double>();
(double Ms, int Commands, int Rows) render = default;
await school.RenderDeskAsync(); // the first render loads the page's code: not counted
for (var i = 0; i < rounds; i++)
{
    render = await school.RenderDeskAsync();
    renders.Add(render.Ms);
}
renders.Sort();
Console.WriteLine(
    $"{"the CPE's desk rendered whole (HtmlRenderer): median / p95", -60} {renders[rounds / 2], 8:0.0} "
        + $"{render.Commands, 9}   p95 {renders[(int)(rounds * 0.95)]:0.0} ms, {render.Rows} rows, {rounds} rounds"
);
return 0;
