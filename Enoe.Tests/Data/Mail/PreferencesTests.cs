using Enoe.Data.Common;
using Enoe.Data.Mail;
using Enoe.Data.Notifications;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data.Mail;

/// <summary>Defaults per profile and établissement, each person's own choices, and the one-click unsubscribe.</summary>
public sealed class PreferencesTests : MailTest
{
    private static readonly DateTime Thursday = new(2026, 11, 26, 0, 0, 0);

    private static MailFrequency Of(MyPreferences mine, NotificationCategory c) =>
        mine.Rows.Single(r => r.Category == c).Frequency;

    [Fact]
    public async Task BuiltInDefaults_ParentsGetMarksAndHomeworkDaily_StudentsAndStaffNothing()
    {
        var parent = await Preferences.MineAsync(TwoSchools.As(F.ParentA, F.A));
        var student = await Preferences.MineAsync(TwoSchools.As(F.StudentA, F.A));
        var staff = await Preferences.MineAsync(TwoSchools.As(F.StaffA, F.A));

        Assert.Equal(MailFrequency.Daily, Of(parent, NotificationCategory.Marks));
        Assert.Equal(MailFrequency.Daily, Of(parent, NotificationCategory.Homework));
        Assert.Equal(MailFrequency.Never, Of(parent, NotificationCategory.Memos));
        Assert.All(student.Rows.Concat(staff.Rows), r => Assert.Equal(MailFrequency.Never, r.Frequency));
    }

    [Fact]
    public async Task OnlyTheDirection_ChangesItsOwnEstablishmentsDefaults_AndOwnChoicesWin()
    {
        var change = (CurrentUser u, int school) =>
            Preferences.SaveSchoolDefaultAsync(
                u,
                school,
                Profile.Parent,
                NotificationCategory.Memos,
                MailFrequency.AtOnce
            );

        Assert.Equal(ResultKind.Forbidden, (await change(TwoSchools.As(F.TeacherA, F.A), F.A.Id)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await change(TwoSchools.As(F.ParentA, F.A), F.A.Id)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await change(TwoSchools.As(F.StaffB, F.B), F.A.Id)).Kind);
        Assert.Equal(
            ResultKind.Forbidden,
            (await Preferences.SchoolDefaultsAsync(TwoSchools.As(F.StaffB, F.B), F.A.Id)).Kind
        );
        Assert.Equal(
            MailFrequency.Never,
            Of(await Preferences.MineAsync(TwoSchools.As(F.ParentA, F.A)), NotificationCategory.Memos)
        );

        Assert.True((await change(TwoSchools.As(F.StaffA, F.A), F.A.Id)).Succeeded);
        Assert.Equal(
            MailFrequency.AtOnce,
            Of(await Preferences.MineAsync(TwoSchools.As(F.ParentA, F.A)), NotificationCategory.Memos)
        );

        // The parent's own choice wins over the new default, and changes nobody else's.
        var parent = TwoSchools.As(F.ParentA, F.A);
        Assert.True(
            (await Preferences.SaveMineAsync(parent, NotificationCategory.Memos, MailFrequency.Weekly)).Succeeded
        );
        Assert.Equal(MailFrequency.Weekly, Of(await Preferences.MineAsync(parent), NotificationCategory.Memos));
        var studentRows = (await Preferences.MineAsync(TwoSchools.As(F.StudentA, F.A))).Rows;
        Assert.All(studentRows, r => Assert.False(r.Own));
        // Bad input changes nothing.
        Assert.Equal(
            ResultKind.Invalid,
            (await Preferences.SaveMineAsync(parent, NotificationCategory.Memos, (MailFrequency)42)).Kind
        );
        Assert.Equal(MailFrequency.Weekly, Of(await Preferences.MineAsync(parent), NotificationCategory.Memos));
    }

    [Fact]
    public async Task UnsubscribingThroughTheLink_StopsThatCategory_AndATamperedLinkIsRefused()
    {
        At(Thursday.AddHours(9));
        await NotifyAsync(F.ParentA, F.A.Id, F.StudentA, NotificationKind.HomeworkSet, Thursday.AddHours(9), "Ex 1");
        await NotifyAsync(F.ParentA, F.A.Id, F.StudentA, NotificationKind.MarksPublished, Thursday.AddHours(9), "DS 1");
        At(Thursday.AddHours(17).AddMinutes(31));
        await Jobs.RunAsync();
        var first = Assert.Single(To(F.ParentA));
        // The body's link for homework alone.
        var homeworkLine = first.Text.Split('\n').Single(l => l.StartsWith("- Devoirs : https://"));
        var token = Uri.UnescapeDataString(homeworkLine.Split("?t=")[1].Trim());
        var links = Database.Get<UnsubscribeLinks>();

        Assert.Null(links.Read(token[..^4] + (token.EndsWith("AAAA") ? "BBBB" : "AAAA")));
        Assert.Null(links.Read("not-a-token"));
        var request = links.Read(token);
        Assert.NotNull(request);
        Assert.Equal(F.ParentA.Id, request.PersonId);
        Assert.Equal([NotificationCategory.Homework], request.Categories);
        await Preferences.UnsubscribeAsync(request);

        await NotifyAsync(F.ParentA, F.A.Id, F.StudentA, NotificationKind.HomeworkSet, Thursday.AddHours(18), "Ex 2");
        await NotifyAsync(
            F.ParentA,
            F.A.Id,
            F.StudentA,
            NotificationKind.MarksPublished,
            Thursday.AddHours(18),
            "DS 2"
        );
        At(Thursday.AddDays(1).AddHours(17).AddMinutes(31));
        await Jobs.RunAsync();

        var second = To(F.ParentA)[1];
        Assert.Contains("StudentA (6eA) : 1 note", second.Text);
        Assert.DoesNotContain("Ex 2", second.Text);
        var mine = await Preferences.MineAsync(TwoSchools.As(F.ParentA, F.A));
        Assert.Equal(MailFrequency.Never, Of(mine, NotificationCategory.Homework));
        Assert.Equal(MailFrequency.Daily, Of(mine, NotificationCategory.Marks));
    }

    [Fact]
    public async Task AChoiceMadeJustAfterAnotherTabWroteTheFirst_IsTheOneKept()
    {
        var parent = TwoSchools.As(F.ParentA, F.A);
        // Another tab writes the person's first choice of the category just after this one's update found nothing
        // to change, before it inserts.
        var otherTab = Meanwhile.After(
            "UPDATE \"NotificationPreference",
            () => Preferences.SaveMineAsync(parent, NotificationCategory.Memos, MailFrequency.Daily)
        );
        await using var instance = Database.NewInstance(s => s.AddSingleton<IInterceptor>(otherTab));

        var saved = await instance
            .GetRequiredService<NotificationPreferences>()
            .SaveMineAsync(parent, NotificationCategory.Memos, MailFrequency.AtOnce);

        Assert.True(saved.Succeeded);
        Assert.True((await otherTab.Other).Succeeded);
        Assert.Equal(MailFrequency.AtOnce, Of(await Preferences.MineAsync(parent), NotificationCategory.Memos));
    }
}
