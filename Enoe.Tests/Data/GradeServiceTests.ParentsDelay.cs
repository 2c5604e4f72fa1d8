using Enoe.Data.Common;
using Enoe.Data.Grades;
using Enoe.Data.Notifications;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data;

/// <summary>Marks reach the student first, their parents a day later, both outside the quiet window.</summary>
public sealed partial class GradeServiceTests
{
    private static DateTimeOffset Paris(int day, int hour) =>
        new(SchoolTime.ToUtc(new DateTime(2026, 12, day, hour, 0, 0)), TimeSpan.Zero);

    private async Task<int> MarkedAsync()
    {
        var id = await NewMathsAssessmentAsync("Contrôle");
        await Grades.SaveCellAsync(As(_f.TeacherA), id, _f.StudentA.Id, "15");
        return id;
    }

    [Fact]
    public async Task PublishedMondayAt10_TheStudentSeesAt10_TheParentTuesdayAt10()
    {
        var id = await MarkedAsync();
        _database.Clock.SetUtcNow(Paris(7, 10));

        Assert.True((await Grades.PublishAsync(As(_f.TeacherA), id, true)).Succeeded);

        Assert.Single((await Grades.ReportAsync(As(_f.StudentA))).Value!.Subjects);
        Assert.Empty((await Grades.ReportAsync(As(_f.ParentA), _f.StudentA.Id)).Value!.Subjects);
        Assert.Empty((await Grades.LatestAsync(As(_f.ParentA), null)).Grades);
        var feed = _database.Get<NotificationService>();
        Assert.Equal(1, await feed.UnreadCountAsync(_f.StudentA.Id));
        Assert.Equal(0, await feed.UnreadCountAsync(_f.ParentA.Id));

        _database.Clock.SetUtcNow(Paris(8, 10));
        Assert.Single((await Grades.ReportAsync(As(_f.ParentA), _f.StudentA.Id)).Value!.Subjects);
        var line = Assert.Single((await feed.FeedAsync(As(_f.ParentA), new())).Items);
        Assert.Equal((NotificationKind.MarksPublished, (int?)_f.StudentA.Id), (line.Kind, line.ChildId));
    }

    [Fact]
    public async Task PublishedFridayAt19_ReachesParentsMondayAt7_AndWithdrawnReachesNobody()
    {
        var id = await MarkedAsync();
        _database.Clock.SetUtcNow(Paris(4, 19));

        Assert.True((await Grades.PublishAsync(As(_f.TeacherA), id, true)).Succeeded);

        _database.Clock.SetUtcNow(Paris(7, 6));
        Assert.Empty((await Grades.ReportAsync(As(_f.ParentA), _f.StudentA.Id)).Value!.Subjects);
        _database.Clock.SetUtcNow(Paris(7, 7));
        Assert.Single((await Grades.ReportAsync(As(_f.ParentA), _f.StudentA.Id)).Value!.Subjects);

        Assert.True((await Grades.PublishAsync(As(_f.TeacherA), id, false)).Succeeded);
        Assert.Equal(0, await _database.Get<NotificationService>().UnreadCountAsync(_f.ParentA.Id));
    }

    [Fact]
    public async Task CopiesHandedBackInClass_AreTheParentsMoment_InsteadOfTheDelay()
    {
        var id = await MarkedAsync();
        _database.Clock.SetUtcNow(Paris(7, 10));

        Assert.True(
            (await Grades.PublishAsync(As(_f.TeacherA), id, true, parentsAtUtc: Paris(9, 9).UtcDateTime)).Succeeded
        );

        _database.Clock.SetUtcNow(Paris(8, 12)); // past the usual 24 hours
        Assert.Empty((await Grades.ReportAsync(As(_f.ParentA), _f.StudentA.Id)).Value!.Subjects);
        _database.Clock.SetUtcNow(Paris(9, 9));
        Assert.Single((await Grades.ReportAsync(As(_f.ParentA), _f.StudentA.Id)).Value!.Subjects);
    }

    [Fact]
    public async Task TheNoticesTitle_ComesFromTheTexts_InFrench_WhateverTheTeachersLanguage()
    {
        var id = await MarkedAsync();
        _database.Clock.SetUtcNow(Paris(7, 10));

        using (new InEnglish())
        {
            Assert.Equal("Mathématiques: Contrôle", GradeMessages.FormatNotice_Marks("Mathématiques", "Contrôle"));
            Assert.True((await Grades.PublishAsync(As(_f.TeacherA), id, true)).Succeeded);
        }

        var line = Assert.Single((await _database.Get<NotificationService>().FeedAsync(As(_f.StudentA), new())).Items);
        Assert.Equal(GradeMessages.FormatNotice_Marks("Mathématiques", "Contrôle"), line.Title);
        Assert.Equal("Mathématiques : Contrôle", line.Title);
    }
}
