using System.Text;
using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.SchoolLife;
using Enoe.Data.Storage;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data.SchoolLife;

/// <summary>
/// Each établissement's own motives (the vie scolaire edits them), whole days justified at once, and notes handed in
/// at the desk recorded by the vie scolaire.
/// </summary>
public sealed partial class AbsenceMotivesTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = TimetableFixture.Monday;
    private static readonly DateOnly Thursday = Monday.AddDays(3);
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private AttendanceService Attendance => _database.Get<AttendanceService>();
    private CurrentUser Cpe => TwoSchools.As(_f.StaffA, _f.A);
    private CurrentUser Parent => TwoSchools.As(_f.ParentA, _f.A);
    private CurrentUser Teacher => TwoSchools.As(_f.TeacherA, _f.A);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        var t = await TimetableFixture.CreateAsync(_database, _f);
        var teacher = TwoSchools.As(_f.TeacherA, _f.A);
        await _database.Get<RollCallService>().MarkAsync(teacher, t.Maths.Id, Monday, _f.StudentA.Id, Presence.Absent);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private async Task<IReadOnlyList<MotiveView>> MotivesAsync() => (await Attendance.MotivesAsync(Cpe)).Value!;

    private async Task<int> MotiveAsync(string name) => (await MotivesAsync()).First(m => m.Name == name).Id;

    private async Task<StudentAttendance> RecordAsync(CurrentUser reader) =>
        (await Attendance.StudentAsync(reader, _f.StudentA.Id, Monday.AddDays(-30))).Value!;

    private static AbsenceVersion Chosen(AbsenceView a) => new(a.Id, a.Version);

    [Fact]
    public async Task AnEtablissement_StartsWithTheDefaultList_WrittenOnce_EvenByTwoFirstReadsAtOnce()
    {
        var staffB = TwoSchools.As(_f.StaffB, _f.B);
        var both = await Task.WhenAll(Attendance.MotivesAsync(staffB), Attendance.MotivesAsync(staffB));

        Assert.All(both, list => Assert.Equal(7, list.Value!.Count));
        Assert.Equal(
            ["Maladie", "Rendez-vous médical", "Raison familiale", "Problème de transport"],
            (await MotivesAsync()).Take(4).Select(m => m.Name)
        );
        Assert.False((await MotivesAsync()).Single(m => m.Name == "Convenance personnelle").Admissible);
        await using var db = _database.NewContext();
        Assert.Equal(14, await db.Set<AbsenceMotive>().CountAsync());
        Assert.Equal(7, (await RecordAsync(Parent)).Motives.Count);
    }

    [Fact]
    public async Task TheVieScolaire_AddsRenamesAndMoves_BadInputIsRefusedInFrench_AndOthersMayNot()
    {
        Assert.True((await Attendance.SaveMotiveAsync(Cpe, new(null, " Décès d'un proche ", true))).Succeeded);
        var added = (await MotivesAsync()).Last();
        Assert.Equal(("Décès d'un proche", true), (added.Name, added.Admissible));

        Assert.Equal(
            ["Un motif porte déjà ce nom."],
            (await Attendance.SaveMotiveAsync(Cpe, new(null, "maladie", true))).Errors
        );
        Assert.Equal(
            ["Donnez un nom au motif."],
            (await Attendance.SaveMotiveAsync(Cpe, new(added.Id, "  ", true))).Errors
        );
        Assert.Equal(
            ["Le nom d'un motif tient en 60 caractères au plus."],
            (await Attendance.SaveMotiveAsync(Cpe, new(added.Id, new string('x', 61), true))).Errors
        );
        Assert.Equal(ResultKind.Forbidden, (await Attendance.SaveMotiveAsync(Teacher, new(null, "Sortie", true))).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Attendance.MotivesAsync(Parent)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Attendance.RemoveMotiveAsync(Parent, added.Id)).Kind);
        Assert.Equal(
            ResultKind.NotFound, // a motive of another établissement
            (await Attendance.SaveMotiveAsync(TwoSchools.As(_f.StaffB, _f.B), new(added.Id, "Pris", true))).Kind
        );

        Assert.True((await Attendance.SaveMotiveAsync(Cpe, new(added.Id, "Deuil", false))).Succeeded);
        Assert.True((await Attendance.MoveMotiveAsync(Cpe, added.Id, up: true)).Succeeded);

        var names = (await MotivesAsync()).Select(m => m.Name).ToList();
        Assert.Equal(["Convenance personnelle", "Deuil"], names.TakeLast(2).Reverse());
        Assert.Equal(8, names.Count);
    }

    [Fact]
    public async Task AMotiveInUse_IsWithdrawnNotDeleted_NoLongerOffered_AndTheListKeepsOne()
    {
        var absence = (await RecordAsync(Parent)).Items.Single();
        var illness = await MotiveAsync("Maladie");
        Assert.True((await Attendance.JustifyAsync(Parent, [Chosen(absence)], illness, null, [])).Succeeded);
        var other = await MotiveAsync("Autre motif");

        Assert.True((await Attendance.RemoveMotiveAsync(Cpe, illness)).Succeeded);
        Assert.True((await Attendance.RemoveMotiveAsync(Cpe, other)).Succeeded);

        var list = await MotivesAsync();
        Assert.True(list.Single(m => m.Id == illness) is { Archived: true, Used: true });
        Assert.DoesNotContain(list, m => m.Id == other);
        Assert.Equal("Maladie", (await RecordAsync(Parent)).Items.Single().Motive);
        Assert.DoesNotContain((await RecordAsync(Parent)).Motives, m => m.Id == illness);
        var report = await Attendance.ReportAsync(Cpe, new(_f.StudentA.Id, Thursday, DayPart.Morning, illness, null));
        Assert.Equal(["Choisissez un motif de la liste de l'établissement."], report.Errors);
        var foreign = (await Attendance.MotivesAsync(TwoSchools.As(_f.StaffB, _f.B))).Value![0].Id;
        Assert.Equal(
            ["Choisissez un motif de la liste de l'établissement."],
            (await Attendance.ReportAsync(Cpe, new(_f.StudentA.Id, Thursday, DayPart.Morning, foreign, null))).Errors
        );

        Assert.True((await Attendance.RestoreMotiveAsync(Cpe, illness)).Succeeded);
        Assert.Equal("Maladie", (await MotivesAsync()).Last().Name);
        foreach (var motive in (await MotivesAsync()).Skip(1))
            Assert.True((await Attendance.RemoveMotiveAsync(Cpe, motive.Id)).Succeeded);
        var last = (await MotivesAsync()).Single(m => !m.Archived);
        Assert.Equal(
            ["La liste doit garder au moins un motif : les familles en choisissent un pour justifier."],
            (await Attendance.RemoveMotiveAsync(Cpe, last.Id)).Errors
        );
    }

    [Fact]
    public async Task AMotiveInUse_KeepsWhetherItIsAdmissible_ALatenessIsNeverJustified()
    {
        var absence = (await RecordAsync(Parent)).Items.Single();
        var illness = await MotiveAsync("Maladie");
        await using (var db = _database.NewContext())
        {
            var late = await db.Set<Absence>().SingleAsync(a => a.Id == absence.Id);
            db.Add(
                new Absence
                {
                    SchoolId = late.SchoolId,
                    StudentId = late.StudentId,
                    Kind = AttendanceKind.Lateness,
                    Date = Thursday,
                    StartsAt = new(8, 0),
                    EndsAt = new(9, 0),
                    MinutesLate = 10,
                    RecordedById = late.RecordedById,
                    RecordedAt = late.RecordedAt,
                }
            );
            await db.SaveChangesAsync();
        }
        var lateness = (await RecordAsync(Parent)).Items.Single(a => a.Kind == AttendanceKind.Lateness);

        var mixed = await Attendance.JustifyAsync(Parent, [Chosen(absence), Chosen(lateness)], illness, null, []);

        Assert.Equal(ResultKind.NotFound, mixed.Kind); // a lateness id from the browser: nothing written
        Assert.All((await RecordAsync(Parent)).Items, a => Assert.Equal(JustificationStatus.None, a.Justification));
        Assert.True((await Attendance.JustifyAsync(Parent, [Chosen(absence)], illness, null, [])).Succeeded);
        Assert.Equal(
            [
                "Des absences sont déjà justifiées avec ce motif : il reste recevable ou non comme il l'était. "
                    + "Retirez-le et créez-en un autre.",
            ],
            (await Attendance.SaveMotiveAsync(Cpe, new(illness, "Maladie", false))).Errors
        );
        Assert.True((await Attendance.SaveMotiveAsync(Cpe, new(illness, "Maladie (certificat)", true))).Succeeded);
    }

    [Fact]
    public async Task AnAcceptedJustification_WithAMotiveNotAdmissible_LeavesTheHalfDayUnjustified()
    {
        var absence = (await RecordAsync(Parent)).Items.Single();
        var personal = await MotiveAsync("Convenance personnelle");
        await Attendance.JustifyAsync(Parent, [Chosen(absence)], personal, "Vacances", []);
        var pending = Assert.Single(await Attendance.PendingAsync(Cpe));

        Assert.True((await Attendance.DecideAsync(Cpe, pending.Id, pending.Version, accept: true, null)).Succeeded);

        var record = await RecordAsync(Parent);
        Assert.Equal(JustificationStatus.Accepted, record.Items.Single().Justification);
        Assert.Equal(new AttendanceCounts(1, 1, 0), record.Counts);
    }

    [Fact]
    public async Task AParent_JustifiesAWholeDay_InOneForm_WithOneDocument_OrNothingWhenOneWasAlreadyGiven()
    {
        Assert.True(
            (await Attendance.ReportAsync(Cpe, new(_f.StudentA.Id, Thursday, DayPart.WholeDay, null, null))).Succeeded
        );
        var day = (await RecordAsync(Parent)).Items.Where(a => a.Date == Thursday).ToList();
        var monday = (await RecordAsync(Parent)).Items.Single(a => a.Date == Monday);
        var illness = await MotiveAsync("Maladie");
        Assert.Equal(2, day.Count);

        var sent = await Attendance.JustifyAsync(
            Parent,
            [.. day.Select(Chosen)],
            illness,
            "Grippe",
            [new("certificat.pdf", 9, new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n")))]
        );

        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors));
        var pending = await Attendance.PendingAsync(Cpe);
        Assert.Equal(2, pending.Count);
        Assert.Single(pending.Select(p => p.FileId).Distinct());
        Assert.All(pending, p => Assert.Equal(("Maladie", "Grippe"), (p.Motive, p.Comment)));
        var again = await Attendance.JustifyAsync(
            Parent,
            [Chosen(monday), .. pending.Select(Chosen)],
            illness,
            null,
            []
        );
        Assert.Equal(ResultKind.Conflict, again.Kind);
        Assert.Equal(
            JustificationStatus.None,
            (await RecordAsync(Parent)).Items.Single(a => a.Date == Monday).Justification
        );
        Assert.Equal(
            ["Cochez au moins une absence à justifier."],
            (await Attendance.JustifyAsync(Parent, [], illness, null, [])).Errors
        );
    }

    [Fact]
    public async Task TheVieScolaire_RecordsANoteHandedIn_AcceptedAtOnce_NobodyElseDoes()
    {
        var record = await RecordAsync(Cpe);
        var absence = record.Items.Single();
        var medical = await MotiveAsync("Rendez-vous médical");
        Assert.True(record is { CanRecord: true, CanJustify: false, Motives.Count: 7 });
        Assert.False((await RecordAsync(Parent)).CanRecord);

        Assert.Equal(
            ResultKind.Forbidden,
            (await Attendance.JustifyAsync(Teacher, [Chosen(absence)], medical, null, [])).Kind
        );
        var recorded = await Attendance.JustifyAsync(Cpe, [Chosen(absence)], medical, "Mot du carnet", []);

        Assert.True(recorded.Succeeded, string.Join(" ", recorded.Errors));
        Assert.Empty(await Attendance.PendingAsync(Cpe));
        await using var db = _database.NewContext();
        var stored = await db.Set<Absence>().SingleAsync(a => a.Id == absence.Id);
        Assert.Equal(
            (JustificationStatus.Accepted, _f.StaffA.Id, _f.StaffA.Id, medical),
            (stored.Justification, stored.DecidedById, stored.JustifiedById, stored.MotiveId)
        );
        Assert.Equal(new AttendanceCounts(1, 0, 0), (await RecordAsync(Parent)).Counts);
    }
}
