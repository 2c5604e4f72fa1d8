using System.Text;
using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.SchoolLife;
using Enoe.Data.Storage;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data.SchoolLife;

/// <summary>Families justify online, the vie scolaire decides, reports calls, and counts half-days.</summary>
public sealed class AttendanceServiceTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = TimetableFixture.Monday;
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private TimetableFixture _t = default!;
    private AttendanceService Attendance => _database.Get<AttendanceService>();
    private CurrentUser Cpe => TwoSchools.As(_f.StaffA, _f.A);
    private CurrentUser Parent => TwoSchools.As(_f.ParentA, _f.A);
    private CurrentUser Student => TwoSchools.As(_f.StudentA, _f.A);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        _t = await TimetableFixture.CreateAsync(_database, _f);
        var teacher = TwoSchools.As(_f.TeacherA, _f.A);
        var rollCalls = _database.Get<RollCallService>();
        Assert.True(
            (await rollCalls.MarkAsync(teacher, _t.Maths.Id, Monday, _f.StudentA.Id, Presence.Absent)).Succeeded
        );
        Assert.True(
            (
                await rollCalls.MarkAsync(teacher, _t.SvtA.Id, Monday.AddDays(1), _f.StudentA.Id, Presence.Late, 10)
            ).Succeeded
        );
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private async Task<AbsenceView> AbsenceAsync(CurrentUser reader) =>
        (await Attendance.StudentAsync(reader, _f.StudentA.Id, Monday.AddDays(-30))).Value!.Items.Single(a =>
            a.Kind == AttendanceKind.Absence
        );

    /// <summary>A motive of the établissement's list (its defaults), by name.</summary>
    private async Task<int> MotiveAsync(string name) =>
        (await Attendance.MotivesAsync(Cpe)).Value!.First(m => m.Name == name).Id;

    private Task<Result> JustifyOneAsync(
        CurrentUser user,
        AbsenceView absence,
        int? motive,
        string? comment,
        IReadOnlyList<FileUpload> files
    ) => Attendance.JustifyAsync(user, [new(absence.Id, absence.Version)], motive, comment, files);

    private static FileUpload Certificate() =>
        new("certificat.pdf", 9, new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n")));

    [Fact]
    public async Task AParent_JustifiesWithADocument_TheVieScolaireAccepts_TheCountsFollow()
    {
        var absence = await AbsenceAsync(Parent);
        Assert.True((await Attendance.StudentAsync(Parent, null, Monday.AddDays(-30))).Value!.CanJustify);

        var sent = await JustifyOneAsync(
            Parent,
            absence,
            await MotiveAsync("Rendez-vous médical"),
            "Dentiste",
            [Certificate()]
        );

        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors));
        var pending = Assert.Single(await Attendance.PendingAsync(Cpe));
        Assert.Equal(
            ("Rendez-vous médical", "Dentiste", "certificat.pdf"),
            (pending.Motive, pending.Comment, pending.FileName)
        );
        var files = _database.Get<FileStore>();
        Assert.True((await files.ReadAsync(Parent, pending.FileId!.Value)).Succeeded);
        Assert.True((await files.ReadAsync(Cpe, pending.FileId!.Value)).Succeeded);
        Assert.False((await files.ReadAsync(TwoSchools.As(_f.TeacherA, _f.A), pending.FileId!.Value)).Succeeded);
        var before = (await Attendance.StudentAsync(Parent, null, Monday.AddDays(-30))).Value!.Counts;

        Assert.True((await Attendance.DecideAsync(Cpe, pending.Id, pending.Version, accept: true, null)).Succeeded);

        var after = (await Attendance.StudentAsync(Student, null, Monday.AddDays(-30))).Value!;
        Assert.Equal(new AttendanceCounts(1, 1, 1), before);
        Assert.Equal(new AttendanceCounts(1, 0, 1), after.Counts);
        Assert.Empty(await Attendance.PendingAsync(Cpe));
    }

    [Fact]
    public async Task ARefusal_SaysWhy_AndTheFamilyMayJustifyAgain()
    {
        var absence = await AbsenceAsync(Parent);
        await JustifyOneAsync(Parent, absence, await MotiveAsync("Autre motif"), null, []);
        var pending = Assert.Single(await Attendance.PendingAsync(Cpe));

        Assert.Equal(
            ["Dites à la famille pourquoi le justificatif est refusé."],
            (await Attendance.DecideAsync(Cpe, pending.Id, pending.Version, false, " ")).Errors
        );
        Assert.True(
            (await Attendance.DecideAsync(Cpe, pending.Id, pending.Version, false, "Motif insuffisant")).Succeeded
        );

        var refused = await AbsenceAsync(Parent);
        Assert.Equal(
            (JustificationStatus.Refused, "Motif insuffisant"),
            (refused.Justification, refused.DecisionComment)
        );
        Assert.Equal(
            ResultKind.Conflict,
            (await Attendance.DecideAsync(Cpe, pending.Id, pending.Version, true, null)).Kind
        );
        Assert.True(
            (await JustifyOneAsync(Parent, refused, await MotiveAsync("Maladie"), "Certificat à venir", [])).Succeeded
        );
    }

    [Fact]
    public async Task AMinor_DoesNotJustifyTheirOwn_AnAdultDoes_AndNoOneElse()
    {
        var absence = await AbsenceAsync(Student);

        Assert.False((await Attendance.StudentAsync(Student, null, Monday.AddDays(-30))).Value!.CanJustify);
        Assert.Equal(
            ResultKind.Forbidden,
            (await JustifyOneAsync(Student, absence, await MotiveAsync("Maladie"), null, [])).Kind
        );
        Assert.Equal(
            ResultKind.Forbidden,
            (
                await JustifyOneAsync(TwoSchools.As(_f.TeacherA, _f.A), absence, await MotiveAsync("Maladie"), null, [])
            ).Kind
        );
        Assert.Equal(
            ["Choisissez le motif dans la liste."],
            (await JustifyOneAsync(Parent, absence, null, null, [])).Errors
        );

        await using (var db = _database.NewContext())
            await db
                .Users.Where(p => p.Id == _f.StudentA.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.BirthDate, new DateOnly(2008, 1, 15)));

        Assert.True((await Attendance.StudentAsync(Student, null, Monday.AddDays(-30))).Value!.CanJustify);
        Assert.True((await JustifyOneAsync(Student, absence, await MotiveAsync("Maladie"), null, [])).Succeeded);
    }

    [Fact]
    public async Task WhoReadsWhat_TheFamilyAndTheVieScolaire_NobodyElse()
    {
        Assert.True((await Attendance.StudentAsync(Cpe, _f.StudentA.Id, Monday)).Succeeded);
        Assert.Equal(
            ResultKind.Forbidden,
            (await Attendance.StudentAsync(TwoSchools.As(_f.TeacherA, _f.A), _f.StudentA.Id, Monday)).Kind
        );
        Assert.Equal(
            ResultKind.Forbidden,
            (await Attendance.StudentAsync(TwoSchools.As(_f.StaffB, _f.B), _f.StudentA.Id, Monday)).Kind
        );
        Assert.Equal(
            ResultKind.Forbidden,
            (await Attendance.StudentAsync(TwoSchools.As(_f.AdminA, _f.A), _f.StudentA.Id, Monday)).Kind
        );
        Assert.Equal(ResultKind.Forbidden, (await Attendance.DayAsync(TwoSchools.As(_f.TeacherA, _f.A), Monday)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Attendance.DayAsync(Parent, Monday)).Kind);
        Assert.Empty(await Attendance.PendingAsync(TwoSchools.As(_f.TeacherA, _f.A)));
        Assert.Equal(
            ResultKind.Forbidden,
            (await Attendance.CountsAsync(TwoSchools.As(_f.TeacherA, _f.A), _f.ClassA.Id, Monday, Monday)).Kind
        );
    }

    [Fact]
    public async Task APhoneReport_ForTheDay_CountsTwoHalfDays_JustifiedWithItsReason_InTheCsv()
    {
        var thursday = Monday.AddDays(3);

        var reported = await Attendance.ReportAsync(
            Cpe,
            new(_f.StudentA.Id, thursday, DayPart.WholeDay, await MotiveAsync("Maladie"), "Appel de la mère, 7 h 50")
        );
        var stranger = await Attendance.ReportAsync(Cpe, new(_f.ParentA.Id, thursday, DayPart.Morning, null, null));

        Assert.True(reported.Succeeded);
        Assert.Equal(["Cet élève n'est pas inscrit dans l'établissement."], stranger.Errors);
        var day = (await Attendance.DayAsync(Cpe, thursday)).Value!;
        Assert.Equal(2, day.Absences.Count);
        Assert.All(day.Absences, a => Assert.Equal(JustificationStatus.Accepted, a.Justification));
        var counts = Assert.Single((await Attendance.CountsAsync(Cpe, _f.ClassA.Id, Monday, thursday)).Value!);
        Assert.Equal(new AttendanceCounts(3, 1, 1), counts.Counts); // Monday's morning (not justified), Thursday's two
        var csv = (await Attendance.CountsCsvAsync(Cpe, _f.ClassA.Id, Monday, thursday)).Value!;
        Assert.Contains("TEST StudentA;6eA;3;1;1", csv);
        Assert.Contains("Total de la classe;;3;1;1", csv);
    }

    [Fact]
    public async Task TheStudentsDataExport_HoldsTheirAbsences_AndTheDocumentsGiven()
    {
        var absence = await AbsenceAsync(Parent);
        await JustifyOneAsync(Parent, absence, await MotiveAsync("Rendez-vous médical"), null, [Certificate()]);
        var source = _database
            .Services.GetServices<Enoe.Data.Privacy.IPersonalDataSource>()
            .Single(s => s.Name == "absences");

        await using var db = _database.NewContext();
        var part = await source.CollectAsync(db, _f.StudentA.Id, default);

        var json = System.Text.Json.JsonSerializer.Serialize(part.Data);
        Assert.Contains("\"Justification\":\"Pending\"", json);
        Assert.Contains("\"Kind\":\"Lateness\"", json);
        Assert.Equal(["certificat.pdf"], part.Files.Select(f => f.Name));
    }
}
