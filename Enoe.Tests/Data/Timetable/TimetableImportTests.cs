using System.Text;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Data.Timetable;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data.Timetable;

/// <summary>
/// The timetable file: checked whole, previewed, applied in one transaction, imported again without doubling.
/// </summary>
public sealed class TimetableImportTests : IAsyncLifetime
{
    private const string Header = "jour;horaire;classe;groupe;matiere;professeur;salle;semaines;du;au";
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private TimetableImport Import => _database.Get<TimetableImport>();
    private CurrentUser Direction => TwoSchools.As(_f.StaffA, _f.A);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        await using var db = _database.NewContext();
        db.AddRange(
            new Subject
            {
                SchoolId = _f.A.Id,
                Code = "MATHS",
                Name = "Mathématiques",
            },
            new Subject
            {
                SchoolId = _f.A.Id,
                Code = "SVT",
                Name = "Sciences de la vie et de la Terre",
            },
            new TeachingGroup { SchoolId = _f.A.Id, Name = "LV2 espagnol 6e" }
        );
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private static byte[] File(params string[] lines) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. lines]));

    private static readonly string[] Good =
    [
        "lundi;M1;6eA;;MATHS;teachera;Salle 101;;;",
        "mardi;M3-M4;6eA;;Sciences de la vie et de la Terre;TEST TeacherA;Labo 1;A;;",
        "jeudi;13:30-14:25;;LV2 espagnol 6e;maths;teachera;;B;04/01/2027;2027-06-30",
    ];

    private static (int, int, int, int, int) Counts(TimetablePlan plan) =>
        (plan.Lessons, plan.Added, plan.Updated, plan.Unchanged, plan.Removed);

    private async Task<List<Lesson>> LessonsAsync()
    {
        await using var db = _database.NewContext();
        return await db.Set<Lesson>().OrderBy(l => l.Day).ToListAsync();
    }

    [Fact]
    public async Task AGoodFile_IsPreviewed_ThenImported_AndImportingItAgainMatchesInsteadOfDoubling()
    {
        using var heard = new Heard<TimetableImported>(_database.Get<IEventBus>());

        var preview = await Import.PreviewAsync(Direction, File(Good));
        Assert.Empty(await LessonsAsync());
        var applied = await Import.ApplyAsync(Direction, File(Good));
        await _database.Get<IEventBus>().WhenIdleAsync();

        Assert.Equal((3, 3, 0, 0, 0), Counts(preview.Value!));
        Assert.True(applied.Succeeded);
        var lessons = await LessonsAsync();
        Assert.Equal(3, lessons.Count);
        var tuesday = lessons[1];
        Assert.Equal(
            (new TimeOnly(10, 5), new TimeOnly(11, 55), WeekPattern.A, _f.TeacherA.Id),
            (tuesday.StartsAt, tuesday.EndsAt, tuesday.Weeks, tuesday.TeacherId)
        );
        var group = lessons[2];
        Assert.Equal(
            (null, WeekPattern.B, new DateOnly(2027, 1, 4), new DateOnly(2027, 6, 30)),
            (group.SchoolClassId, group.Weeks, group.From, group.To)
        );
        Assert.Equal(_f.A.Id, Assert.Single(heard.Events).SchoolId);

        // Again, with Monday's room changed, Tuesday gone and a Friday lesson added.
        var again = await Import.ApplyAsync(
            Direction,
            File("lundi;M1;6eA;;MATHS;teachera;Salle 102;;;", Good[2], "vendredi;S1;6eA;;SVT;teachera;Labo 1;;;")
        );

        Assert.Equal((3, 1, 1, 1, 1), Counts(again.Value!));
        var now = await LessonsAsync();
        Assert.Equal(3, now.Count);
        Assert.Equal((lessons[0].Id, "Salle 102"), (now[0].Id, now[0].Room)); // the same lesson, updated
        Assert.Contains(now, l => l.Id == group.Id);
    }

    [Fact]
    public async Task EveryBadLine_IsListedWithItsNumberAndReason_AndNothingIsWritten()
    {
        var result = await Import.ApplyAsync(
            Direction,
            File(
                Good[0],
                "dimanche;M1;6eA;;MATHS;teachera;;;;",
                "lundi;M9;6eA;;MATHS;teachera;;;;",
                "lundi;M2;6eA;LV2 espagnol 6e;MATHS;teachera;;;;",
                "lundi;M2;5eZ;;MATHS;teachera;;;;",
                "lundi;M2;6eA;;LATIN;teachera;;;;",
                "lundi;M2;6eA;;MATHS;inconnu;;;;",
                "lundi;M2;6eA;;MATHS;teachera;;C;;",
                "lundi;M2;6eA;;MATHS;teachera;;;31/02/2027;",
                "lundi;M2;6eA;;MATHS",
                "lundi;M1;6eA;;MATHS;teachera;Salle 101;;;"
            )
        );

        Assert.Equal(ResultKind.Invalid, result.Kind);
        Assert.Equal(
            [
                "Ligne 3 : jour « dimanche » inconnu (lundi à samedi).",
                "Ligne 4 : horaire « M9 » illisible : un créneau (M1, M2, M3, M4, S1, S2, S3, S4), deux créneaux "
                    + "(M1-M2) ou des heures (08:00-09:50).",
                "Ligne 5 : indiquez une classe ou un groupe, pas les deux.",
                "Ligne 6 : classe « 5eZ » inconnue dans l'établissement.",
                "Ligne 7 : matière « LATIN » inconnue (code ou nom).",
                "Ligne 8 : professeur « inconnu » inconnu (identifiant, ou NOM Prénom).",
                "Ligne 9 : semaines « C » : laissez vide (toutes), ou A, ou B.",
                "Ligne 10 : date illisible (jj/mm/aaaa).",
                "Ligne 11 : 5 colonnes au lieu de 10.",
                "Ligne 12 : même cours que la ligne 2.",
            ],
            result.Errors
        );
        Assert.Empty(await LessonsAsync());
    }

    [Fact]
    public async Task ATeacherInTwoPlacesAtOnce_IsRefused_UnlessTheirWeeksNeverMeet()
    {
        var clash = await Import.PreviewAsync(
            Direction,
            File("lundi;M1-M2;6eA;;MATHS;teachera;;;;", "lundi;M2;;LV2 espagnol 6e;SVT;teachera;;;;")
        );
        var alternating = await Import.PreviewAsync(
            Direction,
            File("lundi;M1;6eA;;MATHS;teachera;;A;;", "lundi;M1;;LV2 espagnol 6e;SVT;teachera;;B;;")
        );

        Assert.Equal(["Ligne 3 : le professeur a déjà cours à cette heure (ligne 2)."], clash.Value!.Errors);
        Assert.True(alternating.Value!.Valid);
    }

    [Fact]
    public async Task AFileWithoutTheHeader_OrEmpty_SaysSo()
    {
        var noHeader = await Import.PreviewAsync(Direction, Encoding.UTF8.GetBytes(Good[0]));
        var empty = await Import.PreviewAsync(Direction, []);
        var windows = await Import.PreviewAsync(
            Direction,
            Encoding.Latin1.GetBytes(Header + "\r\nlundi;M1;6eA;;Mathématiques;teachera;;;;")
        );

        Assert.Equal([$"La première ligne doit être l'en-tête « {Header} »."], noHeader.Value!.Errors);
        Assert.Equal(["Le fichier est vide."], empty.Value!.Errors);
        Assert.StartsWith("Le fichier n'est pas en UTF-8", Assert.Single(windows.Value!.Errors));
    }

    [Fact]
    public async Task OnlyTheDirectionAndTheEntAdmin_Import_AndSetWeekA()
    {
        var teacher = TwoSchools.As(_f.TeacherA, _f.A);

        Assert.Equal(ResultKind.Forbidden, (await Import.ApplyAsync(teacher, File(Good))).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Import.SetWeekAAsync(teacher, new(2026, 9, 9))).Kind);
        Assert.False(await Import.CanImportAsync(teacher));
        Assert.True(await Import.CanImportAsync(TwoSchools.As(_f.AdminA, _f.A)));
        Assert.True((await Import.SetWeekAAsync(Direction, new(2026, 9, 9))).Succeeded);
        Assert.Equal(new DateOnly(2026, 9, 7), await Import.WeekAAsync(Direction, new(2026, 11, 20)));
        Assert.Equal(
            new DateOnly(2026, 8, 31),
            await Import.WeekAAsync(TwoSchools.As(_f.StaffB, _f.B), new(2026, 11, 20))
        );
        Assert.Empty(await LessonsAsync());
    }

    [Fact]
    public async Task ASlotSplitBySemester_AndALessonForTwoClassesAtOnce_AreNotClashes()
    {
        await using (var db = _database.NewContext())
        {
            db.Add(
                new SchoolClass
                {
                    SchoolId = _f.A.Id,
                    LevelId = 1,
                    Name = "6eB",
                }
            );
            await db.SaveChangesAsync();
        }

        var plan = await Import.ApplyAsync(
            Direction,
            File(
                "lundi;M1;6eA;;MATHS;teachera;Salle 101;;01/09/2026;31/01/2027",
                "lundi;M1;6eA;;MATHS;teachera;Salle 102;;01/02/2027;30/06/2027",
                "mardi;M1;6eA;;SVT;teachera;Gymnase;;;",
                "mardi;M1;6eB;;SVT;teachera;Gymnase;;;"
            )
        );
        var again = await Import.PreviewAsync(
            Direction,
            File(
                "lundi;M1;6eA;;MATHS;teachera;Salle 101;;01/09/2026;31/01/2027",
                "lundi;M1;6eA;;MATHS;teachera;Salle 102;;01/02/2027;30/06/2027",
                "mardi;M1;6eA;;SVT;teachera;Gymnase;;;",
                "mardi;M1;6eB;;SVT;teachera;Gymnase;;;"
            )
        );

        Assert.True(plan.Succeeded, string.Join(" ", plan.Errors));
        Assert.Equal((4, 0, 0, 4, 0), Counts(again.Value!)); // each semester matched to its own
    }

    [Fact]
    public async Task ALessonWithRollCalls_LeftOutOfTheNextFile_EndsYesterday_InsteadOfGoing()
    {
        await Import.ApplyAsync(Direction, File(Good));
        var monday = (await LessonsAsync())[0];
        var marked = await _database
            .Get<Enoe.Data.SchoolLife.RollCallService>()
            .CompleteAsync(TwoSchools.As(_f.TeacherA, _f.A), monday.Id, new(2026, 11, 16));
        Assert.True(marked.Succeeded, string.Join(" ", marked.Errors));

        var again = await Import.ApplyAsync(Direction, File(Good[1], Good[2]));

        Assert.Equal((2, 0, 0, 2, 1), Counts(again.Value!));
        var kept = (await LessonsAsync()).Single(l => l.Id == monday.Id);
        Assert.Equal(new DateOnly(2026, 11, 19), kept.To); // the test clock's Friday 20 November, less a day
    }
}
