using Enoe.Data.Memos;

namespace Enoe.Tests.Support;

public static class MemoSending
{
    /// <summary>
    /// Staff A writes to student A (a mémo, so a notification too) and its events have been handed out.
    /// </summary>
    public static async Task SendStaffMemoToStudentAsync(this TestDatabase database, TwoSchools f, string subject)
    {
        var sent = await database
            .Get<MemoService>()
            .SendAsync(
                TwoSchools.As(f.StaffA, f.A),
                new MemoDraft
                {
                    To = [new MemoAddress(AudienceKind.Person, f.StudentA.Id, "Élève A")],
                    Subject = subject,
                    Body = "Jeudi à 18 h.",
                },
                []
            );
        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors));
        await database.DeliveredAsync();
    }
}
