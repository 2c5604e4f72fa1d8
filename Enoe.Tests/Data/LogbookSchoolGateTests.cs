using Enoe.Data.Logbook;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// Writing the carnet de bord follows the switch of the établissement the class belongs to, not the session's.
/// </summary>
public sealed class LogbookSchoolGateTests : DataSchoolGateTest
{
    private LogbookService Logbook => Get<LogbookService>();

    private LogbookDraft Draft(int id = 0, int version = 0) =>
        new()
        {
            Id = id,
            Version = version,
            SchoolClassId = Two.ClassB,
            SubjectId = Two.SubjectB,
            SessionDate = new(2026, 11, 19),
            StartsAt = new(8, 0),
            EndsAt = new(9, 0),
            Content = "Les fractions",
            Homework = "Exercice 3",
            HomeworkDueDate = new(2026, 11, 23),
        };

    /// <summary>An entry of college-b with a file, written while the carnet ran there.</summary>
    private async Task<LogbookEntryView> WrittenAtBAsync()
    {
        var entry = (await Logbook.SaveAsync(InB, Draft())).Value!;
        Assert.True((await Logbook.AttachAsync(InB, entry.Id, [TestFiles.Pdf("fiche.pdf")])).Succeeded);
        return (await Logbook.SaveAsync(InB, Draft(entry.Id, entry.Version))).Value!;
    }

    private async Task EveryWritingPathIsRefusedAsync(LogbookEntryView entry)
    {
        var file = entry.Attachments.Single().Id;
        Refused(await Logbook.SaveAsync(InA, Draft()));
        Refused(await Logbook.SaveAsync(InA, Draft(entry.Id, entry.Version)));
        Refused(await Logbook.AttachAsync(InA, entry.Id, [TestFiles.Pdf("autre.pdf")]));
        Refused(await Logbook.DetachAsync(InA, entry.Id, file));
        Refused(await Logbook.DeleteAsync(InA, entry.Id, entry.Version));
        Refused(await Logbook.RestoreAsync(InA, entry.Id));
        Refused(await Logbook.HomeworkLoadAsync(InA, Two.ClassB, null, new(2026, 11, 23)));
        var student = new CurrentUser(Two.StudentB, "StudentB", F.A.Id, Profile.Student);
        Refused(await Logbook.SetDoneAsync(student, entry.Id, done: true));
        await using var db = Database.NewContext();
        var stored = await db.Set<LogbookEntry>().SingleAsync();
        Assert.Equal((entry.Version, null), (stored.Version, stored.DeletedAt));
        Assert.Equal(1, await db.Set<LogbookAttachment>().CountAsync());
        Assert.False(await db.Set<HomeworkDone>().AnyAsync());
    }

    [Fact]
    public async Task ASessionAtA_CannotWriteTheCarnetOfAClassOfB_WhereItIsOff()
    {
        var entry = await WrittenAtBAsync();
        await SwitchAsync(F.B.Id, EntService.Logbook, on: false);
        await EveryWritingPathIsRefusedAsync(entry);
    }

    [Fact]
    public async Task ASessionAtA_CannotWriteTheCarnetOfAClassOfB_OnceBIsArchived()
    {
        var entry = await WrittenAtBAsync();
        await ArchiveBAsync();
        await EveryWritingPathIsRefusedAsync(entry);
    }

    [Fact]
    public async Task WhereTheCarnetRunsAtB_ASessionAtA_WhereItIsOff_StillWritesB()
    {
        var entry = await WrittenAtBAsync();
        await SwitchAsync(F.A.Id, EntService.Logbook, on: false);
        var saved = await Logbook.SaveAsync(InA, Draft(entry.Id, entry.Version));
        Assert.True(saved.Succeeded);
        Assert.True((await Logbook.HomeworkLoadAsync(InA, Two.ClassB, null, new(2026, 11, 23))).Succeeded);
        Assert.True((await Logbook.DeleteAsync(InA, entry.Id, saved.Value!.Version)).Succeeded);
        Assert.True((await Logbook.RestoreAsync(InA, entry.Id)).Succeeded);
    }
}
