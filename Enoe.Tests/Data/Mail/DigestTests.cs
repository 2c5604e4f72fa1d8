using Enoe.Data.Mail;
using Enoe.Data.Notifications;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data.Mail;

/// <summary>
/// The daily digest: one per person and day, a section per child, sent outside the quiet window only.
/// </summary>
public sealed class DigestTests : MailTest
{
    // Thursday 26 November 2026, midnight in Paris.
    private static readonly DateTime Thursday = new(2026, 11, 26, 0, 0, 0);

    [Fact]
    public async Task AParentOfTwoChildren_GetsOneDigestForTheDay_OneSectionPerChild()
    {
        At(Thursday.AddHours(9));
        await NotifyAsync(
            F.ParentA,
            F.A.Id,
            F.StudentA,
            NotificationKind.HomeworkSet,
            Thursday.AddHours(9),
            "Exercices p. 12",
            "Rédaction <script>alert(1)</script>",
            "Lire le chapitre 3"
        );
        await NotifyAsync(
            F.ParentA,
            F.B.Id,
            StudentB,
            NotificationKind.MarksPublished,
            Thursday.AddHours(9),
            "Contrôle de fractions",
            "Dictée"
        );
        // Students get nothing by e-mail by default; the parent's own copy of a mémo neither (not in their defaults).
        await NotifyAsync(F.StudentA, F.A.Id, F.StudentA, NotificationKind.HomeworkSet, Thursday.AddHours(9), "Ex");

        At(Thursday.AddHours(17).AddMinutes(29));
        await Jobs.RunAsync();
        Assert.Empty(Smtp.Received); // before the digest's hour
        At(Thursday.AddHours(17).AddMinutes(31));
        await Jobs.RunAsync();
        // A notification after the digest, and the job again the same day: still one digest.
        await NotifyAsync(F.ParentA, F.A.Id, F.StudentA, NotificationKind.HomeworkSet, Thursday.AddHours(18), "Tard");
        At(Thursday.AddHours(19));
        await Jobs.RunAsync();

        var digest = Assert.Single(Smtp.Received);
        Assert.Equal(Address(F.ParentA), digest.To.Mailboxes.Single().Address);
        var mail = new Mime(digest);
        Assert.Contains("StudentA (6eA) : 3 devoirs", mail.Text);
        Assert.Contains("StudentB (5eB) : 2 notes", mail.Text);
        Assert.Equal(1, Count(mail.Text, "StudentA (6eA)"));
        Assert.Equal(1, Count(mail.Text, "StudentB (5eB)"));
        Assert.DoesNotContain("Tard", mail.Text);
        Assert.Contains("Rédaction &lt;script&gt;alert(1)&lt;/script&gt;", mail.Html);
        Assert.DoesNotContain("<script>", mail.Html);
        Assert.Contains("https://ent.test/test/MarksPublished/0", mail.Html);
        Assert.StartsWith("<https://ent.test/desabonnement?t=", mail.Header("List-Unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", mail.Header("List-Unsubscribe-Post"));
        await using var db = Database.NewContext();
        var notes = await db.Set<Notification>().Where(n => n.RecipientId == F.ParentA.Id).ToListAsync();
        Assert.Equal(5, notes.Count(n => n.EmailedAt != null));
        Assert.Null(notes.Single(n => n.Title == "Tard").EmailedAt); // tomorrow's

        // Friday's digest carries it, and only it.
        At(Thursday.AddDays(1).AddHours(17).AddMinutes(31));
        await Jobs.RunAsync();
        Assert.Equal(2, Smtp.Received.Count);
        var friday = new Mime(Smtp.Received.Last());
        Assert.Contains("StudentA (6eA) : 1 devoir", friday.Text);
        Assert.DoesNotContain("StudentB", friday.Text);
    }

    [Fact]
    public async Task NothingIsSentInTheQuietWindow_TheDigestAndAtOnceMailsWaitForItsEnd()
    {
        var friday = Thursday.AddDays(1);
        // The digest's hour of the school is in the window there: 17:00 → 07:00.
        await using (var db = Database.NewContext())
        {
            db.Add(
                new QuietHours
                {
                    SchoolId = F.A.Id,
                    Evening = new(17, 0),
                    Morning = new(7, 0),
                    Weekend = true,
                }
            );
            db.Add(
                new QuietHours
                {
                    SchoolId = F.B.Id,
                    Evening = new(17, 0),
                    Morning = new(7, 0),
                    Weekend = true,
                }
            );
            await db.SaveChangesAsync();
        }
        await Preferences.SaveMineAsync(TwoSchools.As(F.StaffA, F.A), NotificationCategory.Memos, MailFrequency.AtOnce);
        At(friday.AddHours(10));
        await NotifyAsync(F.ParentA, F.A.Id, F.StudentA, NotificationKind.MarksPublished, friday.AddHours(10), "Bilan");
        // Staff copies are exempted from holding here, so visible in the window: the e-mail still waits.
        await NotifyAsync(F.StaffA, F.A.Id, null, NotificationKind.MemoReceived, friday.AddHours(18), "Conseil");

        foreach (
            var t in new[] { friday.AddHours(17).AddMinutes(31), friday.AddHours(21), friday.AddDays(1).AddHours(18) }
        )
        {
            At(t);
            await Jobs.RunAsync();
            Assert.Empty(Smtp.Received);
        }
        At(friday.AddDays(3).AddHours(7).AddMinutes(1)); // Monday 07:01
        await Jobs.RunAsync();

        Assert.Contains("StudentA (6eA) : 1 note", Assert.Single(To(F.ParentA)).Text);
        Assert.Contains("Conseil", Assert.Single(To(F.StaffA)).Text);
    }

    [Fact]
    public async Task AWeeklyCategory_RidesInFridaysDigestOnly()
    {
        var parent = TwoSchools.As(F.ParentA, F.A);
        await Preferences.SaveMineAsync(parent, NotificationCategory.Memos, MailFrequency.Weekly);
        At(Thursday.AddHours(9));
        await NotifyAsync(F.ParentA, F.A.Id, F.StudentA, NotificationKind.MemoReceived, Thursday.AddHours(9), "Sortie");
        await NotifyAsync(F.ParentA, F.A.Id, F.StudentA, NotificationKind.HomeworkSet, Thursday.AddHours(9), "Ex 1");

        At(Thursday.AddHours(17).AddMinutes(31));
        await Jobs.RunAsync();
        var thursday = Assert.Single(To(F.ParentA));
        Assert.Contains("StudentA (6eA) : 1 devoir", thursday.Text);
        Assert.DoesNotContain("Sortie", thursday.Text);

        At(Thursday.AddDays(1).AddHours(17).AddMinutes(31));
        await Jobs.RunAsync();
        var friday = To(F.ParentA)[1];
        Assert.Contains("StudentA (6eA) : 1 mémo", friday.Text);
        Assert.Contains("Sortie", friday.Text);
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;
}
