using System.Globalization;
using Enoe.Data.DigitalResources;
using Enoe.Data.Grades;
using Enoe.Data.People;
using Enoe.Data.Skills;
using Enoe.Data.Structure;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data;

/// <summary>
/// Marks, skills and resources answer in the reader's language: messages, codes, CSV headers and
/// numbers ("12.5" in English, "12,5" in French). Tests run in French; each test here switches to English.
/// </summary>
public sealed class GradesInEnglishTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private Subject _maths = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        await using var db = _database.NewContext();
        _maths = new Subject
        {
            SchoolId = _f.A.Id,
            Code = "MATHS",
            Name = "Mathématiques",
        };
        db.TeachingAssignments.Add(
            new TeachingAssignment
            {
                TeacherId = _f.TeacherA.Id,
                Subject = _maths,
                SchoolClassId = _f.ClassA.Id,
            }
        );
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    /// <summary>
    /// Runs <paramref name="test"/> in English, then gives the thread its culture back whatever happens.
    /// </summary>
    private static async Task InCultureAsync(string name, Func<Task> test)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        try
        {
            await test();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    [Fact]
    public async Task AGradesCell_ExplainsInEnglish_AndReadsTheCodesOfEitherLanguage()
    {
        await InCultureAsync(
            "en",
            () =>
            {
                var error = GradeInput.Parse("abc", 20).Error;
                Assert.Equal("“abc” is not a mark: type a number, Abs, Ex or NM.", error);
                Assert.Equal("25 is more than the maximum mark (20).", GradeInput.Parse("25", 20).Error);
                Assert.Equal("Two decimal places at most.", GradeInput.Parse("12.345", 20).Error);
                var (half, _) = GradeInput.Parse("12,5", 20);
                Assert.Equal("12.5", GradeInput.Display(half!.Kind!.Value, half.Value));
                // A French code pasted into an English page
                Assert.Equal(GradeKind.Exempt, GradeInput.Parse("Disp", 20).Grade!.Kind);
                Assert.Equal(GradeKind.NotGraded, GradeInput.Parse("nm", 20).Grade!.Kind);
                Assert.Equal("Ex", GradeInput.Display(GradeKind.Exempt, null));
                return Task.CompletedTask;
            }
        );

        // The same in French, ENOE's first language.
        Assert.Equal("12,5", Averages.Format(12.5m));
        Assert.Equal("Disp", GradeInput.Display(GradeKind.Exempt, null));
        Assert.Equal(GradeKind.Exempt, GradeInput.Parse("ex", 20).Grade!.Kind);
    }

    [Fact]
    public async Task TheClassCsv_InEnglish_HasEnglishHeaders_CommasBetweenCells_AndDecimalPoints()
    {
        await InCultureAsync(
            "en",
            async () =>
            {
                var teacher = TwoSchools.As(_f.TeacherA, _f.A);
                var grades = _database.Get<GradeService>();
                Assert.Equal(
                    ["The weighting goes from 0.25 to 20."],
                    (
                        await grades.CreateAsync(
                            teacher,
                            new AssessmentDraft
                            {
                                SchoolClassId = _f.ClassA.Id,
                                SubjectId = _maths.Id,
                                Title = "Fractions",
                                Date = new(2026, 11, 16),
                                Coefficient = 30,
                            }
                        )
                    ).Errors
                );
                var id = (
                    await grades.CreateAsync(
                        teacher,
                        new AssessmentDraft
                        {
                            SchoolClassId = _f.ClassA.Id,
                            SubjectId = _maths.Id,
                            Title = "Fractions",
                            Date = new(2026, 11, 16),
                            Coefficient = 1.5m,
                        }
                    )
                ).Value;
                Assert.True((await grades.SaveCellAsync(teacher, id, _f.StudentA.Id, "12,5")).Succeeded);

                var (fileName, csv) = (await grades.CsvAsync(teacher, id)).Value;
                Assert.Equal("Marks Mathématiques 6eA.csv", fileName);
                var lines = csv.TrimEnd().Split("\r\n");
                Assert.Equal(
                    "Last name,First name,Fractions (11/16/2026) out of 20 (weighting 1.5),Average out of 20",
                    lines[0]
                );
                Assert.Equal("Test,StudentA,12.5,12.5", lines[1]);
            }
        );
    }

    [Fact]
    public async Task MasteryLevels_AndTheBookletsMessages_ReadInEnglish()
    {
        await InCultureAsync(
            "en",
            async () =>
            {
                Assert.Equal("Very good mastery", MasteryLevel.VeryGood.Label());
                Assert.Equal("Not assessed yet", ((MasteryLevel?)null).Label());
                var skills = _database.Get<SkillService>();
                var skill = (await skills.BookletAsync(TwoSchools.As(_f.StudentA, _f.A)))
                    .Value!
                    .Domains[0]
                    .Skills[0]
                    .SkillId;
                Assert.Equal(
                    ["Choose one of the four mastery levels."],
                    (
                        await skills.AssessAsync(
                            TwoSchools.As(_f.TeacherA, _f.A),
                            _f.StudentA.Id,
                            skill,
                            (MasteryLevel)9
                        )
                    ).Errors
                );
                Assert.Equal(
                    ["You don't teach this student."],
                    (
                        await skills.AssessAsync(
                            TwoSchools.As(_f.StaffA, _f.A),
                            _f.StudentA.Id,
                            skill,
                            MasteryLevel.Fragile
                        )
                    ).Errors
                );
                Assert.Equal(
                    ["This skills booklet is not open to you."],
                    (await skills.BookletAsync(TwoSchools.As(_f.StudentA, _f.A), _f.ParentA.Id)).Errors
                );
            }
        );
    }

    [Fact]
    public async Task TheResourcesValidator_AndService_AnswerInEnglish()
    {
        await InCultureAsync(
            "en",
            async () =>
            {
                Assert.Equal("Resources", new DigitalResourceDraft().Category);
                var resources = _database.Get<DigitalResourceService>();
                var admin = TwoSchools.As(_f.AdminA, _f.A);
                var bad = await resources.SaveAsync(
                    admin,
                    new DigitalResourceDraft
                    {
                        Title = "",
                        Url = "javascript:alert(1)",
                        Profiles = Profile.None,
                        LevelCodes = new string('6', 61),
                    }
                );
                Assert.Equal(
                    [
                        "The resource needs a name.",
                        "The address must be a full web link (https://...).",
                        "Choose at least one profile.",
                        "The year groups must be 60 characters at most.",
                    ],
                    bad.Errors
                );
                Assert.Equal(
                    ["Only administrators manage resources."],
                    (await resources.DeleteAsync(TwoSchools.As(_f.TeacherA, _f.A), 1)).Errors
                );
            }
        );
    }
}
