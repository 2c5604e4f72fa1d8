using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.SchoolLife;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data.SchoolLife;

/// <summary>
/// A phone report covers the student's own lessons of the half-day, never a Sunday nor a day without lessons, is given
/// once, is deleted when recorded in error; the student is searched; a roll call begun is not a roll call taken.
/// </summary>
public sealed class AttendanceReportTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = TimetableFixture.Monday;
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private TimetableFixture _t = default!;
    private AttendanceService Attendance => _database.Get<AttendanceService>();
    private CurrentUser Cpe => TwoSchools.As(_f.StaffA, _f.A);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        _t = await TimetableFixture.CreateAsync(_database, _f);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private Task<Result> ReportAsync(DateOnly date, DayPart part, int? student = null) =>
        Attendance.ReportAsync(Cpe, new(student ?? _f.StudentA.Id, date, part, null, null));

    private async Task<List<(TimeOnly, TimeOnly)>> ReportedAsync(DateOnly date) =>
        [
            .. (await Attendance.DayAsync(Cpe, date))
                .Value!.Absences.Where(a => a.Subject is null)
                .Select(a => (a.StartsAt, a.EndsAt)),
        ];

    [Fact]
    public async Task AHalfDay_RunsFromTheStudentsFirstLessonToTheirLast_OrTheUsualHoursWithoutLessons()
    {
        var thursday = Monday.AddDays(3);

        Assert.True((await ReportAsync(Monday, DayPart.WholeDay)).Succeeded);
        Assert.True((await ReportAsync(thursday, DayPart.WholeDay)).Succeeded);

        // Monday: maths 08:00–08:55 in the morning, nothing in the afternoon; Thursday: espagnol 13:30–14:25.
        Assert.Equal([(new(8, 0), new(8, 55)), (new(13, 30), new(17, 30))], await ReportedAsync(Monday));
        Assert.Equal([(new(8, 0), new(12, 30)), (new(13, 30), new(14, 25))], await ReportedAsync(thursday));
    }

    [Fact]
    public async Task NoSunday_NoSaturdayOrHolidayWithoutLessons_AndNothingWritten()
    {
        var sunday = await ReportAsync(Monday.AddDays(-1), DayPart.Morning);
        var saturday = await ReportAsync(Monday.AddDays(5), DayPart.WholeDay);
        var holiday = await ReportAsync(new(2026, 11, 10), DayPart.Afternoon);

        Assert.Equal(["Le dimanche n'est pas un jour de classe : choisissez un autre jour."], sunday.Errors);
        Assert.Equal(
            ["Cet élève n'a pas cours ce samedi sur cette demi-journée : il n'y a pas d'absence à enregistrer."],
            saturday.Errors
        );
        Assert.Equal(
            [
                "Ce jour tombe pendant les vacances (Pont de novembre) et cet élève n'a pas cours : "
                    + "il n'y a pas d'absence à enregistrer.",
            ],
            holiday.Errors
        );
        await using var db = _database.NewContext();
        Assert.False(await db.Set<Absence>().AnyAsync());
    }

    [Fact]
    public async Task TheSameHalfDay_ReportedTwice_IsRefused_AndTheIndexHoldsBehind()
    {
        Assert.True((await ReportAsync(Monday, DayPart.Morning)).Succeeded);

        var again = await ReportAsync(Monday, DayPart.Morning);
        var wholeDay = await ReportAsync(Monday, DayPart.WholeDay);

        const string Already =
            "Une absence est déjà enregistrée pour cet élève sur cette demi-journée : rien n'a été ajouté.";
        Assert.Equal([Already], again.Errors);
        Assert.Equal([Already], wholeDay.Errors);
        Assert.Single(await ReportedAsync(Monday));
        Assert.True((await ReportAsync(Monday, DayPart.Afternoon)).Succeeded);
        // Two clicks at once pass the check together: the unique index (rows without a lesson) keeps one.
        await using var db = _database.NewContext();
        var first = await db.Set<Absence>().AsNoTracking().FirstAsync(a => a.LessonId == null);
        db.Add(Copy(first, lessonId: null));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.Add(Copy(first, lessonId: _t.Maths.Id)); // a roll call's mark at the same hour is another row
        await db.SaveChangesAsync();
    }

    private static Absence Copy(Absence a, int? lessonId) =>
        new()
        {
            SchoolId = a.SchoolId,
            StudentId = a.StudentId,
            Date = a.Date,
            StartsAt = a.StartsAt,
            EndsAt = a.EndsAt,
            LessonId = lessonId,
            RecordedById = a.RecordedById,
            RecordedAt = a.RecordedAt,
        };

    [Fact]
    public async Task TheVieScolaire_DeletesAReportMadeInError_NotARollCallsMark_NorAnotherSchools()
    {
        var teacher = TwoSchools.As(_f.TeacherA, _f.A);
        Assert.True(
            (
                await _database
                    .Get<RollCallService>()
                    .MarkAsync(teacher, _t.Maths.Id, Monday, _f.StudentA.Id, Presence.Absent)
            ).Succeeded
        );
        Assert.True((await ReportAsync(Monday, DayPart.Afternoon)).Succeeded);
        var day = (await Attendance.DayAsync(Cpe, Monday)).Value!.Absences;
        var (report, mark) = (day.Single(a => a.Subject is null), day.Single(a => a.Subject is not null));
        var heard = new List<AttendanceChanged>();
        using var _ = _database
            .Get<IEventBus>()
            .Subscribe<AttendanceChanged>(e =>
            {
                heard.Add(e);
                return Task.CompletedTask;
            });

        Assert.Equal(
            [
                "Seule une absence signalée par la famille se supprime ici ; "
                    + "une absence notée à l'appel se corrige dans l'appel.",
            ],
            (await Attendance.DeleteReportAsync(Cpe, mark.Id)).Errors
        );
        Assert.Equal(ResultKind.Forbidden, (await Attendance.DeleteReportAsync(teacher, report.Id)).Kind);
        Assert.Equal(
            ResultKind.NotFound,
            (await Attendance.DeleteReportAsync(TwoSchools.As(_f.StaffB, _f.B), report.Id)).Kind
        );
        Assert.True((await Attendance.DeleteReportAsync(Cpe, report.Id)).Succeeded);

        await _database.Get<IEventBus>().WhenIdleAsync();
        Assert.Equal([new AttendanceChanged(_f.A.Id, _f.StudentA.Id, Monday)], heard);
        Assert.Equal([mark.Id], (await Attendance.DayAsync(Cpe, Monday)).Value!.Absences.Select(a => a.Id));
        Assert.True((await ReportAsync(Monday, DayPart.Afternoon)).Succeeded); // it may be reported again
    }

    [Fact]
    public async Task DeletingAReportWithAMotive_TakesBackTheJustificationItGaveTheLessons_NotTheFamilys()
    {
        var teacher = TwoSchools.As(_f.TeacherA, _f.A);
        await _database.Get<RollCallService>().MarkAsync(teacher, _t.Maths.Id, Monday, _f.StudentA.Id, Presence.Absent);
        var illness = (await Attendance.MotivesAsync(Cpe)).Value![0].Id;
        Assert.True(
            (await Attendance.ReportAsync(Cpe, new(_f.StudentA.Id, Monday, DayPart.Morning, illness, null))).Succeeded
        );
        var day = (await Attendance.DayAsync(Cpe, Monday)).Value!.Absences;
        Assert.All(day, a => Assert.Equal(JustificationStatus.Accepted, a.Justification));

        Assert.True((await Attendance.DeleteReportAsync(Cpe, day.Single(a => a.Subject is null).Id)).Succeeded);

        var mark = Assert.Single((await Attendance.DayAsync(Cpe, Monday)).Value!.Absences);
        Assert.Equal((JustificationStatus.None, null), (mark.Justification, mark.Motive));
    }

    [Fact]
    public async Task TheStudentIsSearched_ByNameOrClass_AtMostTwenty_ByTheVieScolaireOnly()
    {
        await using (var db = _database.NewContext())
        {
            var classA = await db.Classes.SingleAsync(c => c.Id == _f.ClassA.Id);
            for (var i = 0; i < 25; i++)
                db.Add(
                    new Enrolment
                    {
                        SchoolClassId = classA.Id,
                        Student = new Person
                        {
                            FirstName = "Élève",
                            LastName = $"Nombreux{i:00}",
                            UserName = $"nombreux{i:00}",
                        },
                    }
                );
            await db.SaveChangesAsync();
        }

        var byName = await Attendance.SearchStudentsAsync(Cpe, "studenta");
        var byClass = await Attendance.SearchStudentsAsync(Cpe, "6EA");
        var byClassAndName = await Attendance.SearchStudentsAsync(Cpe, "6ea nombreux07");
        var accents = await Attendance.SearchStudentsAsync(Cpe, "eleve nombreux1");

        Assert.Equal([(_f.StudentA.Id, "6eA · TEST StudentA")], byName);
        Assert.Equal(AttendanceService.SearchMax, byClass.Count);
        Assert.Equal(["6eA · NOMBREUX07 Élève"], byClassAndName.Select(s => s.Name));
        Assert.Equal(10, accents.Count);
        Assert.Empty(await Attendance.SearchStudentsAsync(TwoSchools.As(_f.TeacherA, _f.A), "6eA"));
        Assert.Empty(await Attendance.SearchStudentsAsync(TwoSchools.As(_f.StaffB, _f.B), "6eA"));
        Assert.Empty(await Attendance.SearchStudentsAsync(Cpe, "  "));
    }

    [Fact]
    public async Task ARollCallBegun_IsListedAsBegun_UntilItIsFinished()
    {
        var teacher = TwoSchools.As(_f.TeacherA, _f.A);
        var rollCalls = _database.Get<RollCallService>();
        Assert.True(
            (await rollCalls.MarkAsync(teacher, _t.Maths.Id, Monday, _f.StudentA.Id, Presence.Absent)).Succeeded
        );

        var begun = Assert.Single((await Attendance.DayAsync(Cpe, Monday)).Value!.MissingRollCalls);
        Assert.Equal((_t.Maths.Id, true), (begun.LessonId, begun.Begun));

        Assert.True((await rollCalls.CompleteAsync(teacher, _t.Maths.Id, Monday)).Succeeded);
        Assert.Empty((await Attendance.DayAsync(Cpe, Monday)).Value!.MissingRollCalls);
        var tuesday = Assert.Single((await Attendance.DayAsync(Cpe, Monday.AddDays(1))).Value!.MissingRollCalls);
        Assert.False(tuesday.Begun);
    }

    [Fact]
    public async Task AFamilysCall_TakenWhileTheTeacherMarksTheStudentAbsent_JustifiesTheMark()
    {
        var illness = (await Attendance.MotivesAsync(Cpe)).Value!.First(m => m.Name == "Maladie").Id;
        // The vie scolaire records the family's call just after the roll call looked for one (and found none), before
        // it writes its mark: the call is given a second to go through, as it did before the two took turns.
        var meanwhile = Meanwhile.After(
            "\"LessonId\" IS NULL",
            () => Attendance.ReportAsync(Cpe, new(_f.StudentA.Id, Monday, DayPart.Morning, illness, null)),
            onItsOwnThread: true
        );
        await using var teachersInstance = _database.NewInstance(s => s.AddSingleton<IInterceptor>(meanwhile));

        var marked = await teachersInstance
            .GetRequiredService<RollCallService>()
            .MarkAsync(TwoSchools.As(_f.TeacherA, _f.A), _t.Maths.Id, Monday, _f.StudentA.Id, Presence.Absent);

        Assert.True(marked.Succeeded);
        Assert.True((await meanwhile.Other).Succeeded);
        await using var db = _database.NewContext();
        var mark = await db.Set<Absence>().SingleAsync(a => a.LessonId == _t.Maths.Id);
        Assert.Equal((JustificationStatus.Accepted, illness), (mark.Justification, mark.MotiveId));
    }
}
